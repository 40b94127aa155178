/** Assembles a Draft from a composer: its surfaces' text, the adapter's extra fields, who and where. */
import type { Draft } from '../../rules/engine/types';
import type { Account, Composer, SiteAdapter } from './adapter';

export function buildDraft(adapter: Pick<SiteAdapter, 'platform'>, composer: Composer, account: Account | undefined, url = location.href): Draft {
  const { body, title } = composer.surfaces;
  const extra = composer.extra?.() ?? {};
  return {
    platform: adapter.platform,
    kind: composer.kind,
    ...(account ? { account } : {}),
    url,
    ...(title ? { title: title.text() } : {}),
    ...extra,
    body: body.text(),
  };
}
