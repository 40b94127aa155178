/**
 * The one message protocol between the extension's contexts. Each method takes exactly one
 * `data` argument and answers asynchronously; callers and handlers are typed from this
 * interface, so a request and its answer cannot drift apart, and the background's handler table
 * must cover every method (see utils/messaging.ts).
 */
import type { Pack } from '../rules/engine/pack';

/** Who may call a method: content scripts on the guarded sites, or the extension's own pages. */
export type CallerKind = 'content' | 'extension';

export interface ActivePack {
  pack: Pack;
  /** Where the active pack came from. */
  origin: 'bundled' | 'policy' | 'import';
}

export interface Protocol {
  /** The pack content scripts and pages compile their checker from. */
  getActivePack(data: Record<string, never>): ActivePack;
}

/** Which callers each method accepts; the background rejects everything else. */
export const ACCESS: { readonly [K in keyof Protocol]: readonly CallerKind[] } = {
  getActivePack: ['content', 'extension'],
};
