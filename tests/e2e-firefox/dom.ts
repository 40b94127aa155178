/**
 * Finding and driving elements the way the Chromium tests do with Playwright's getByRole and fill:
 * by ARIA role and accessible name, through open shadow roots (the guard draws its panel in one,
 * where the driver's own ARIA queries do not reach). Clicks and keys are real input (WebDriver
 * BiDi input actions), so they are trusted events as an editor's are.
 */
import type { ElementHandle, Frame, JSHandle, Page } from 'puppeteer-core';

export type Scope = Page | Frame | ElementHandle<Element>;
export type Name = string | RegExp;

interface Query {
  role?: string;
  name?: { source: string; flags: string } | { text: string };
  css?: string;
  text?: string;
}

/** Runs in the page: every element under `root` (shadow roots included) that the query matches. */
function queryAll(root: Element | Document, q: Query): Element[] {
  const IMPLICIT: Record<string, string> = {
    button: 'button',
    textarea: 'textbox',
    select: 'combobox',
    aside: 'complementary',
    dialog: 'dialog',
    main: 'main',
    nav: 'navigation',
    tr: 'row',
  };
  const implicit = (el: Element): string | null => {
    const tag = el.tagName.toLowerCase();
    if (IMPLICIT[tag]) return IMPLICIT[tag];
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'input') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox') return 'checkbox';
      if (type === 'button' || type === 'submit') return 'button';
      return 'textbox';
    }
    return null;
  };
  const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const accessibleName = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    const home = el.getRootNode() as Document | ShadowRoot;
    if (by)
      return by
        .split(/\s+/)
        .map((id) => text(home.getElementById(id)))
        .join(' ');
    if (/^(input|textarea|select)$/i.test(el.tagName)) {
      const id = el.getAttribute('id');
      const labelled = (id && home.querySelector(`label[for="${id}"]`)) || el.closest('label');
      if (labelled) return text(labelled);
      return (el.getAttribute('placeholder') ?? '').trim();
    }
    return text(el);
  };
  const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true }) ?? true;
  const all: Element[] = [];
  const walk = (node: Element | Document | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return all.filter((el) => {
    if (q.css && !el.matches(q.css)) return false;
    if (q.role && (el.getAttribute('role') ?? implicit(el)) !== q.role) return false;
    if (q.text !== undefined && !text(el).includes(q.text)) return false;
    if (q.name) {
      const name = accessibleName(el);
      if ('text' in q.name ? !name.includes(q.name.text) : !new RegExp(q.name.source, q.name.flags).test(name))
        return false;
    }
    return visible(el);
  });
}

function toQuery(role: string | undefined, name?: Name, extra: Omit<Query, 'role' | 'name'> = {}): Query {
  return {
    ...extra,
    ...(role ? { role } : {}),
    ...(name === undefined
      ? {}
      : { name: typeof name === 'string' ? { text: name } : { source: name.source, flags: name.flags } }),
  };
}

async function rootOf(scope: Scope): Promise<JSHandle<Element | Document>> {
  if ('evaluateHandle' in scope && 'asElement' in scope) return scope;
  return scope.evaluateHandle(() => document);
}

/** Every visible element that matches now, as one handle to an array (no evaluated strings: extension pages forbid them). */
async function matches(scope: Scope, query: Query): Promise<JSHandle<Element[]>> {
  const root = await rootOf(scope);
  return root.evaluateHandle(queryAll, query);
}

/** How many visible elements match now. */
export async function count(scope: Scope, role: string | undefined, name?: Name, extra?: Omit<Query, 'role' | 'name'>) {
  const all = await matches(scope, toQuery(role, name, extra));
  try {
    return await all.evaluate((list) => list.length);
  } finally {
    await all.dispose();
  }
}

/** The first visible element that matches, waiting for it. */
export async function find(
  scope: Scope,
  role: string | undefined,
  name?: Name,
  extra?: Omit<Query, 'role' | 'name'>,
  timeoutMs = 10_000,
): Promise<ElementHandle<Element>> {
  const query = toQuery(role, name, extra);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const all = await matches(scope, query);
    const first = await all.evaluateHandle((list) => list[0] ?? null);
    await all.dispose();
    const element = first.asElement() as ElementHandle<Element> | null;
    if (element) return element;
    await first.dispose();
    if (Date.now() > until) throw new Error(`${timeoutMs} ms 内没有找到 ${JSON.stringify(query)}`);
    await sleep(100);
  }
}

/** A CSS selector, waiting for a visible match (no shadow roots: the platforms' own pages). */
export async function css(scope: Page | Frame | ElementHandle<Element>, selector: string, timeoutMs = 10_000) {
  return find(scope, undefined, undefined, { css: selector }, timeoutMs);
}

/**
 * Replaces what an editor field holds, as Playwright's fill does: select all, then insert the text
 * as one input (execCommand insertText fires the beforeinput/input events an editor listens for).
 */
export async function fill(element: ElementHandle<Element>, text: string): Promise<void> {
  await element.focus();
  await element.evaluate((el, value) => {
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) el.select();
    else {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      const selection = el.ownerDocument.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }
    if (value) el.ownerDocument.execCommand('insertText', false, value);
    else el.ownerDocument.execCommand('delete');
  }, text);
}

export async function innerText(element: ElementHandle<Element>): Promise<string> {
  return element.evaluate((el) => (el as HTMLElement).innerText);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Clicks `element` with the real mouse once it stands still in view, as Playwright's actionability
 * checks do in the Chromium tests. Puppeteer clicks the point it measured right after scrolling:
 * the guard's panel, which follows its composer when the page scrolls, has moved by then, and the
 * click lands beside the button.
 */
export async function click(element: ElementHandle<Element>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const box = await element.evaluate(
      (el) =>
        new Promise<string>((resolve) => {
          el.scrollIntoView({ block: 'center', inline: 'center' });
          // Two frames: the scroll, then whatever the page re-lays out because of it.
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const r = el.getBoundingClientRect();
              resolve(`${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)},${Math.round(r.height)}`);
            }),
          );
        }),
    );
    if (box === last || Date.now() > until) break;
    last = box;
  }
  await element.click();
}
