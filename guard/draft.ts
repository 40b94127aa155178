/** Assembles a Draft from a composer: its surfaces' text, the adapter's extra fields, who and where. */
import type { Draft } from '../rules/engine/types';
import type { Account, Composer, SiteAdapter } from './adapter';

/** Surfaces whose text is a draft field of the same name (the others are not typed by the editor). */
const TEXT_FIELDS = ['title', 'author', 'summary'] as const;

export function buildDraft(
  adapter: Pick<SiteAdapter, 'platform'>,
  composer: Composer,
  account: Account | undefined,
  url = location.href,
): Draft {
  const extra = composer.extra?.() ?? {};
  const typed: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
  for (const field of TEXT_FIELDS) {
    const surface = composer.surfaces[field];
    if (surface) typed[field] = surface.text();
  }
  return {
    platform: adapter.platform,
    kind: composer.kind,
    ...(account ? { account } : {}),
    url,
    ...typed,
    ...extra,
    body: composer.surfaces.body.text(),
  };
}
