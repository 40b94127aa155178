/**
 * The state the overlay renders: the panel, live badges and underlines, a located finding's
 * highlight, and notices. Plain data set by the guard's controllers; the Preact overlay only
 * renders it and calls back.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Finding, Verdict } from '../../rules/engine/types';
import type { Card } from './cards';
import type { Review } from '../../utils/protocol';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where the panel stands: beside the composer when there is room, else above or below it. */
export interface Placement {
  side: 'right' | 'left' | 'below' | 'above' | 'over';
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PanelView {
  /** New for every question: the dialog is rebuilt (focus, reason) only for a new one. */
  seq: number;
  /** `attempt`: a publish is held; `preview`: live findings opened from the badge. */
  mode: 'attempt' | 'preview';
  verdict: Verdict | 'error';
  findings: Finding[];
  failure?: string;
  allowOverride: boolean;
  /** Overrides are refused because the admin's policy could not be read yet. */
  policyUnknown: boolean;
  /** The request came from a page script, not a control the editor used. */
  fromNetwork: boolean;
  /** A suggestion was applied: the post changed and must be checked again. */
  edited: boolean;
  /** Which findings point into an editor surface (can be located / fixed in place). */
  locatable: boolean[];
  /** The findings grouped for reading, most severe first; at most `cardLimit` of them. */
  cards: Card[];
  /** How many cards there are in all (the rest are not built until asked for). */
  totalCards: number;
  /** Cards by severity, for the one-line summary. */
  counts: { block: number; justify: number; warn: number };
  /** The text changed while the panel was open and these findings are for the new text. */
  live: boolean;
  /** Nothing can go on but trying again (the log could not be written). */
  retry: boolean;
  placement: Placement;
  /** A short message from the last action (e.g. a suggestion the editor refused). */
  message?: string;
  /** The editor's name and unit the policy does not set and the editor has not given: asked once. */
  askIdentity?: IdentityAsked;
  /**
   * 仍要发布 needs the 三审 record (the pack asks for it over a justify-level finding): `last` is
   * the editor's last one, filled in again.
   */
  review?: { last?: Review };
}

/** Which of the editor's name and unit the panel asks for. */
export interface IdentityAsked {
  name: boolean;
  unit: boolean;
}

/** The guard is checking a held publish: shown by the control at once, until the answer. */
export interface Checking {
  box: Box;
}

/** The card shown while the pointer rests on an underline (or the caret is inside one). */
export interface HoverCard {
  /** The live result it belongs to, and the finding's index in it. */
  key: string;
  index: number;
  box: Box;
  title: string;
  message: string;
  suggestion?: string;
}

export interface LiveBadge {
  key: string;
  left: number;
  top: number;
  count: number;
  severity: Finding['severity'];
}

export interface LiveMark {
  key: string;
  /** The live result (badge key) and the finding's index in its report. */
  result: string;
  index: number;
  severity: Finding['severity'];
  boxes: Box[];
}

export interface Notice {
  id: string;
  text: string;
}

export interface OverlayState {
  panel: PanelView | null;
  badges: LiveBadge[];
  marks: LiveMark[];
  highlight: Box[];
  notices: Notice[];
  checking: Checking | null;
  hover: HoverCard | null;
}

export class Store<T extends object> {
  private listeners = new Set<(s: T) => void>();

  constructor(private state: T) {}

  get(): T {
    return this.state;
  }

  set(patch: Partial<T>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  subscribe(listener: (s: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function createOverlayStore(): Store<OverlayState> {
  return new Store<OverlayState>({
    panel: null,
    badges: [],
    marks: [],
    highlight: [],
    notices: [],
    checking: null,
    hover: null,
  });
}

/**
 * The store's state, re-rendering on every change. Subscribes in a layout effect, right after the
 * first render, and takes the state once more there: a change made between the render and the
 * subscription (a held request answered before the page painted) must not be lost, or the panel
 * it opened would never show and the request would stay held with nothing on screen.
 */
export function useStore<T extends object>(store: Store<T>): T {
  const [state, setState] = useState(store.get());
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe(setState);
    setState(store.get());
    return unsubscribe;
  }, [store]);
  return state;
}

export function toBox(r: DOMRect): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}
