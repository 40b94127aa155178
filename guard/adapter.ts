/**
 * The site-adapter contract. An adapter knows one platform's pages: where its editors and
 * publish controls are, how to turn them into a Draft, which requests publish, and who is logged
 * in. It never judges (the engine does) and never intercepts (the core does). All of a
 * platform's selectors live in its adapter's table, where a rule pack may override them
 * (`pack.sites.<adapter id>`) when the platform changes its page. See docs/adapters.md.
 */
import type { Draft, DraftKind, FieldName, Platform } from '../rules/engine/types';
import type { EndpointRule, HeldRequest } from './endpoints';
import type { Selectors, SelectorTable } from './selectors';
import type { TextSurface } from './surface';

export type Account = NonNullable<Draft['account']>;

/** Where the editor is: the adapter's name for the page, and what the page must contain. */
export interface PageInfo {
  /** Recorded with every attempt and shown in the popup: `home`, `detail`, `article-editor`… */
  kind: string;
  /** Chinese name of the page kind for the popup (首页、微博正文页…); `kind` when absent. */
  label?: string;
  /**
   * What a working adapter must find on this page once it has settled (composers mount late).
   * A missing expectation is an adapter problem: a notice on the page, the toolbar badge, the log.
   */
  expects: readonly Expectation[];
}

export interface Expectation {
  /** Chinese, names what is missing when `found` is false: 首页发布框、发送按钮… */
  label: string;
  found(doc: Document, s: Selectors<string>): boolean;
}

/** One editing unit on the page: its text surfaces, what else goes into the draft, its control. */
export interface Composer {
  /** The element that holds the whole composer; identifies it while it lives. */
  root: Element;
  kind: DraftKind;
  /** The adapter's page kind when it differs for this composer (e.g. a repost layer). */
  page?: string;
  /**
   * Editable text, by the draft field it becomes. Finding ranges are offsets into
   * `surface.text()`, so a finding can be selected, underlined and fixed in place.
   */
  surfaces: { body: TextSurface } & Partial<Record<Exclude<FieldName, 'body'>, TextSurface>>;
  /** Everything the editor does not type into a surface: quoted post, source, original flag… */
  extra?(): Partial<Omit<Draft, 'platform' | 'body'>>;
  /** The publish control, when the composer has one on screen (disabled or not). */
  control: Element | null;
}

/** A publish control the user acted on, and the composer it publishes. */
export interface ControlHit {
  composer: Composer;
  control: Element;
}

/** The fields of a draft that a request or a saved draft carries. */
export type DraftFields = Omit<Draft, 'platform' | 'kind' | 'url' | 'account'>;

/**
 * How a saved draft is read back from the platform's own API, with the editor's session (the
 * content script's same-origin request carries the platform's cookies): what a request naming
 * it will publish.
 */
export interface SavedDraftReader {
  /** The platform address that answers the draft's saved fields. */
  url(id: string, request: HeldRequest, pageUrl: string): string;
  /** The draft's fields from the platform's answer; throws, saying why, when it holds none. */
  parse(answer: unknown, url: string): DraftFields;
}

/** What an adapter makes of a held publish request (the second line). */
export interface RequestDraft {
  kind: DraftKind;
  /**
   * Draft fields read from the request body; `body` is what will be published. Absent when the
   * request only names a draft saved on the server (WeChat `masssend`, card.weibo
   * `draft/publish`): with `saved`, the core reads that draft from the platform (see
   * `network.savedDraft`); without it, the core checks the page's composer of this `kind`.
   */
  draft?: DraftFields;
  /**
   * The draft saved on the server that the request publishes, by the platform's id; `fields` are
   * what the request itself sets as it publishes that draft (card.weibo's 声明原创 `is_original`),
   * laid over the draft as read back; `also` is text the request publishes beside it (card.weibo's
   * feed line, reduced by the adapter to what it adds), checked with the body unless it only
   * repeats the draft's title.
   */
  saved?: { id: string; fields?: Partial<DraftFields>; also?: string };
  /** Page kind to record when no composer on the page matches the request. */
  page?: string;
}

export interface SiteAdapter<K extends string = string> {
  /** Stable id, also the key of the pack's selector overrides (`sites.<id>`). */
  id: string;
  platform: Platform;
  /** Chinese name shown in the popup: 微博、微信公众平台… */
  label: string;
  /** Every selector and control text the adapter uses; pack overrides replace entries by key. */
  selectors: SelectorTable<K>;
  /** The page kind, or null where the adapter has nothing to guard (not an error). */
  page(location: Location, doc: Document, s: Selectors<K>): PageInfo | null;
  /** The composers on the page now. Called often (late mounting, recycling): keep it cheap. */
  composers(doc: Document, s: Selectors<K>): Composer[];
  /** The publish control at or above `target`, with its composer; null if `target` is not one. */
  controlAt(target: Element, s: Selectors<K>): ControlHit | null;
  /** The composer whose text surface holds `target` (keyboard submits, live checking). */
  composerAt(target: Element, s: Selectors<K>): Composer | null;
  /**
   * The logged-in account as the isolated world can read it (DOM, inline script text). The core
   * asks the MAIN world (see MainWorldSpec.identity) when this answers undefined.
   */
  account(doc: Document): Account | undefined;
  network: {
    /** Publish endpoints (held) and autosave endpoints (declared, never held). */
    endpoints: readonly EndpointRule[];
    /** Reads a held request into a draft; null when the request carries nothing to check. */
    toDraft(request: HeldRequest): RequestDraft | null;
    /** Reads the saved draft a request names (`RequestDraft.saved`); without it, such a request is unreadable. */
    savedDraft?: SavedDraftReader;
    /**
     * How long a post let go at a control stays approved for the request it sends (default 30 s).
     * Longer where the platform puts steps between the two, such as WeChat's admin QR scan.
     */
    approvalMs?: number;
  };
  /**
   * Whether a keydown submits the composer. Default: Ctrl/Cmd+Enter, the shortcut most web
   * composers have had.
   */
  isSubmitKey?: (event: KeyboardEvent) => boolean;
}

/** Identity helper: gives an adapter object its checked type, with selector keys inferred. */
export function defineSiteAdapter<K extends string>(adapter: SiteAdapter<K>): SiteAdapter<K> {
  return adapter;
}

export function defaultIsSubmitKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing;
}
