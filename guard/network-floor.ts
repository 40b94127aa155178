/**
 * The floor under the network gate: the browser's own declarative rules (declarativeNetRequest
 * session rules, installed by the background) refuse publish requests from places where no gate
 * can sit and no guard can answer:
 *
 * - requests that belong to no tab (tab id −1): the page's shared workers and service workers,
 *   and other extensions' background pages;
 * - requests whose initiator is not the platform's own site: other sites, and frames with an
 *   opaque origin (`data:` frames, sandboxed frames, `data:` workers);
 * - requests that are not fetch/XMLHttpRequest/sendBeacon: a `<form>` posted into a frame or a
 *   window, an image or script address, a navigation.
 *
 * The page's own fetch, XMLHttpRequest and sendBeacon are neither refused nor touched here: the
 * gate holds those. A dedicated worker's requests cannot be told from the page's by these rules
 * (same tab, same initiator, same type): the gate starts dedicated workers behind a gate of
 * their own (main-world/worker-gate.ts).
 *
 * Each endpoint gets two patterns: its exact path, in any case, with repeated slashes, a
 * `;parameter`, a suffix or trailing slashes (every method); and, for POST, PUT and PATCH, any
 * path on the host containing the last six characters of the endpoint's last segment, even
 * percent-encoded (a rule's pattern must compile within the browser's 2 KB limit, so it cannot
 * spell out every encoding of every segment). Pure: builds data for the background.
 */
import type { EndpointRule } from './net/classify';

/** declarativeNetRequest.Rule, the parts used here. */
export interface FloorRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: {
    regexFilter: string;
    isUrlFilterCaseSensitive: false;
    requestMethods?: string[];
    tabIds?: number[];
    excludedInitiatorDomains?: string[];
    excludedResourceTypes?: string[];
  };
}

/** Session rule ids this extension owns: [FIRST_RULE_ID, FIRST_RULE_ID + 1000). */
export const FIRST_RULE_ID = 13_000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function hostPattern(host: string): string {
  return `(?:www\\.)?${escape(host.replace(/^www\./, ''))}\\.?(?::[0-9]+)?`;
}

function segmentPattern(segment: string): string {
  if (segment === '*') return '[^/?#]+';
  if (segment.startsWith('{')) return `(?:${segment.slice(1, -1).split(',').map(escape).join('|')})`;
  return escape(segment);
}

/** The exact path, spelled as servers still route it without decoding. */
export function exactPattern(host: string, path: string): string {
  const segments = path.split('/').filter(Boolean).map(segmentPattern);
  return `^https?://${hostPattern(host)}/+${segments.join('/+')}(?:[;.][^/?#]*)?/*(?:[?#]|$)`;
}

const LOOSE_CHARS = 6;

/**
 * Any path on the host that contains the end of the endpoint's last segment, each of its
 * letters possibly percent-encoded.
 */
export function looseLastPattern(host: string, path: string): string {
  const last = path.split('/').filter(Boolean).pop() ?? '';
  // The last six characters of the segment: enough to say which endpoint, short enough to compile.
  const alternatives = (last.startsWith('{') ? last.slice(1, -1).split(',') : [last]).map((word) =>
    word.slice(-LOOSE_CHARS),
  );
  // A letter and both its encodings: %75 (u) and %55 (U) differ only in the first hex digit.
  const encoded = (c: string) => {
    if (!/[a-z]/i.test(c)) return `%${c.charCodeAt(0).toString(16)}`;
    // A letter's code is two hex digits (0x41–0x7a).
    const lower = c.toLowerCase().charCodeAt(0).toString(16);
    const high = lower.charAt(0);
    return `%[${high}${(parseInt(high, 16) - 2).toString(16)}]${lower.charAt(1)}`;
  };
  const tolerant = (word: string) =>
    [...word].map((c) => (/[a-z0-9_]/i.test(c) ? `(?:${escape(c)}|${encoded(c)})` : escape(c))).join('');
  const any = alternatives.map(tolerant).join('|');
  const body = alternatives.length > 1 ? `(?:${any})` : any;
  return `^https?://${hostPattern(host)}/[^?#]*${body}`;
}

const CONTEXTS = [
  { tabIds: [-1] },
  { excludedInitiatorDomains: 'host' as const },
  { excludedResourceTypes: ['xmlhttprequest', 'ping'] },
];

/** Block rules for every endpoint path of `rules` (saves share paths with publishing: held too). */
export function floorRules(rules: readonly EndpointRule[]): FloorRule[] {
  const seen = new Set<string>();
  const out: FloorRule[] = [];
  for (const rule of rules)
    for (const host of rule.hosts) {
      const key = `${host} ${rule.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const context of CONTEXTS) {
        const scope = {
          ...(context.tabIds ? { tabIds: context.tabIds } : {}),
          ...(context.excludedInitiatorDomains ? { excludedInitiatorDomains: [host.replace(/^www\./, '')] } : {}),
          ...(context.excludedResourceTypes ? { excludedResourceTypes: context.excludedResourceTypes } : {}),
        };
        out.push({
          id: FIRST_RULE_ID + out.length,
          priority: 1,
          action: { type: 'block' },
          condition: { regexFilter: exactPattern(host, rule.path), isUrlFilterCaseSensitive: false, ...scope },
        });
        out.push({
          id: FIRST_RULE_ID + out.length,
          priority: 1,
          action: { type: 'block' },
          condition: {
            regexFilter: looseLastPattern(host, rule.path),
            isUrlFilterCaseSensitive: false,
            requestMethods: ['post', 'put', 'patch'],
            ...scope,
          },
        });
      }
    }
  return out;
}
