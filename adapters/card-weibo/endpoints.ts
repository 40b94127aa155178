/**
 * What leaves the headline-article editor (docs/platform-sources.md): `draft/publish` and the
 * scheduled `draft/publishtiming` are held; `draft/save`, which autosave fires every few
 * seconds, is never held. v3 and v5 share the paths (any version segment is held). Pure data:
 * also bundled into the MAIN world.
 */
import type { EndpointRule } from '../../guard/endpoints';

const hosts = ['card.weibo.com'];

export const CARD_WEIBO_ENDPOINTS: readonly EndpointRule[] = [
  { id: 'draft/publish', role: 'publish', hosts, path: '/article/*/aj/editor/draft/publish' },
  { id: 'draft/publishtiming', role: 'publish', hosts, path: '/article/*/aj/editor/draft/publishtiming' },
  { id: 'draft/save', role: 'autosave', hosts, path: '/article/*/aj/editor/draft/save' },
];
