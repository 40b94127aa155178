/**
 * Which selectors a rule pack may override (Pack.sites), so that a platform's page change can be
 * answered by a signed pack within hours instead of an extension release.
 *
 * Shape: adapter id → selector key → kind. A `css` key takes CSS selectors; a `text` key takes the
 * visible texts of a control (button labels): the keys and kinds of each adapter's own selector
 * table (adapters/<id>/selectors.ts). A pack that names an adapter or key not listed here is
 * refused: a typo would otherwise be silently ignored in every browser.
 */
import { SELECTOR_TABLES } from './selector-tables';

export type SelectorKind = 'css' | 'text';
export type SiteSchema = Readonly<Record<string, Readonly<Record<string, { readonly kind: SelectorKind }>>>>;

/** Derived from the adapters' own tables, so a key an adapter adds is overridable at once. */
export const SITE_SCHEMA: SiteSchema = Object.fromEntries(
  Object.entries(SELECTOR_TABLES).map(([adapterId, table]) => [
    adapterId,
    Object.fromEntries(Object.entries(table).map(([key, spec]) => [key, { kind: spec.kind }])),
  ]),
);
