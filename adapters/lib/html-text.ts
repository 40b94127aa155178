/**
 * The text and links of an HTML fragment as readers will see them, for drafts read from a held
 * request (WeChat sends the article body as HTML in `content0`). Uses the same text model as the
 * editor's surface, so a request and the composer it came from give the same text.
 */
import { richText } from '../../guard/surface-rich';

export interface HtmlText {
  text: string;
  links: { href: string; text?: string }[];
}

/** The links in a rich-text element, resolved against `base`; script and anchor links left out. */
export function linksIn(root: ParentNode, base: string): { href: string; text?: string }[] {
  const links: { href: string; text?: string }[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    const raw = a.getAttribute('href') ?? '';
    let href: string;
    try {
      href = new URL(raw, base).href;
    } catch {
      continue;
    }
    if (!/^https?:/i.test(href)) continue;
    const text = (a.textContent ?? '').trim();
    links.push(text ? { href, text } : { href });
  }
  return links;
}

export function htmlText(html: string, base: string): HtmlText {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
  return { text: richText(doc.body).text, links: linksIn(doc.body, base) };
}
