/**
 * Where the background keeps the log's head outside the log (see audit/anchor.ts): the extension's
 * `storage.local`, under `logAnchor`. Besides the head it holds the collector's acknowledged head
 * and every anchor break ever found. Breaks are only ever appended: no message, page or setting
 * removes one, so a wiped or rewritten log stays visible after the log itself is clean again.
 */
import type { AnchorBreak } from '../../audit/anchor';
import type { Head } from '../../audit/chain';

export const ANCHOR_KEY = 'logAnchor';

export interface RecordedBreak extends AnchorBreak {
  /** When the background found it. */
  time: string;
}

export interface AnchorState {
  /** The head this extension last committed. */
  head?: Head;
  /** The last head the fleet collector acknowledged, while it belongs to the current chain. */
  collector?: Head;
  breaks: RecordedBreak[];
}

export interface AnchorStore {
  read(): Promise<AnchorState | undefined>;
  write(state: AnchorState): Promise<void>;
}

/** For tests and for a background without extension storage: a store that lives as long as it does. */
export function memoryAnchorStore(initial?: AnchorState): AnchorStore {
  let state = initial && structuredClone(initial);
  return {
    read: async () => state && structuredClone(state),
    write: async (next) => {
      state = structuredClone(next);
    },
  };
}
