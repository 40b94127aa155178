/**
 * Which selectors a rule pack may override (Pack.sites), per adapter. A platform that changes its
 * page can then be answered by a signed pack within hours instead of an extension release.
 *
 * The selectors themselves stay in each adapter; this table only names the adapters and the keys
 * each one reads through `siteSelectors()`, so the CLI and the extension can refuse a pack that
 * overrides a selector no adapter would ever read (a typo would otherwise be silently ignored).
 * An adapter that adds an overridable key adds it here, in the same change.
 */
import type { Pack } from '../rules/engine/pack';

export const SITE_SELECTOR_KEYS = {
  /** weibo.com composers: home, comment, reply, repost. */
  weibo: ['composer', 'input', 'publishButton', 'repostMarker', 'account'],
  /** card.weibo.com headline-article editor. */
  'weibo-article': ['title', 'summary', 'body', 'publishButton', 'confirmButton'],
  /** mp.weixin.qq.com article editor (appmsg_edit). */
  'wechat-article': ['title', 'author', 'body', 'sourceUrl', 'originalToggle', 'publishButton', 'confirmButton', 'account'],
  /** mp.weixin.qq.com image post (图片消息) editor. */
  'wechat-image-post': ['title', 'body', 'publishButton', 'confirmButton'],
} as const satisfies Record<string, readonly string[]>;

export type SiteAdapterId = keyof typeof SITE_SELECTOR_KEYS;
export type SiteSelectorKey<A extends SiteAdapterId> = (typeof SITE_SELECTOR_KEYS)[A][number];

/**
 * The selectors an adapter should try for a key: the active pack's override first (in its order),
 * then the adapter's own, without repeats.
 */
export function siteSelectors<A extends SiteAdapterId>(pack: Pick<Pack, 'sites'> | undefined, adapter: A, key: SiteSelectorKey<A>, builtIn: readonly string[]): string[] {
  const override = pack?.sites?.[adapter]?.[key] ?? [];
  return [...new Set([...override, ...builtIn])];
}
