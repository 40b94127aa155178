/**
 * What leaves the headline-article editor (docs/platform-sources.md): `draft/publish` and the
 * scheduled `draft/publishtiming` are held; `draft/save`, which autosave fires every few
 * seconds, is never held. v3 and v5 share the paths. Pure data: also bundled into the MAIN world.
 */
import type { EndpointRule } from '../../guard/endpoints';

const draft = (action: string) => new RegExp(`^/article/v\\d+/aj/editor/draft/${action}$`);

export const CARD_WEIBO_ENDPOINTS: readonly EndpointRule[] = [
  { id: 'draft/publish', role: 'publish', path: draft('publish') },
  { id: 'draft/publishtiming', role: 'publish', path: draft('publishtiming') },
  { id: 'draft/save', role: 'autosave', path: draft('save') },
];
