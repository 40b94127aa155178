/**
 * Opens a saved editor snapshot (see snapshots/capture.ts) in happy-dom at its real address,
 * with each editing iframe's saved document put back, and builds drafts from it the way the
 * guard does at a publish click.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import type { Draft } from '../../rules/engine/types';
import type { SiteAdapter } from '../../guard/adapter';
import { buildDraft } from '../../guard/draft';
import { resolveSelectors, type Selectors } from '../../guard/selectors';
import type { SnapshotEntry } from './snapshots/capture';

// Paths, not URLs: under happy-dom, URL is the DOM's, which knows no file: scheme.
const dir = join(import.meta.dirname, 'snapshots');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as SnapshotEntry[];

export interface Snapshot {
  entry: SnapshotEntry;
  window: Window;
  document: Document;
  close(): Promise<void>;
}

export function openSnapshot(file: string): Snapshot {
  const entry = index.find((e) => e.file === file);
  if (!entry) throw new Error(`no snapshot ${file}`);
  const window = new Window({ url: entry.url });
  window.document.write(readFileSync(join(dir, entry.file), 'utf8'));
  for (const [id, frameFile] of Object.entries(entry.frames ?? {})) {
    window.document.getElementById(id)!.setAttribute('srcdoc', readFileSync(join(dir, frameFile), 'utf8'));
  }
  return { entry, window, document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

export function selectorsOf<K extends string>(adapter: SiteAdapter<K>): Selectors<K> {
  const { selectors, problems } = resolveSelectors(adapter.selectors, undefined, adapter.id, () => true);
  if (problems.length) throw new Error(problems.join('\n'));
  return selectors;
}

/** The draft of the page's first composer, assembled as the guard does at a publish click. */
export function draftOf<K extends string>(adapter: SiteAdapter<K>, doc: Document): Draft {
  const [composer] = adapter.composers(doc, selectorsOf(adapter));
  if (!composer) throw new Error('no composer on the page');
  const draft = buildDraft(adapter, composer, adapter.account(doc), doc.URL);
  // Adapters leave unknown facts undefined; the comparison is about what they found.
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)) as unknown as Draft;
}

/** An opener for the tests of one file; each test's snapshot is closed after it. */
export function snapshotOpener(): (file: string) => Snapshot {
  let open: Snapshot | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });
  return (file) => (open = openSnapshot(file));
}
