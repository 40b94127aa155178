/**
 * Editors that keep their text in a same-origin iframe (WeChat's legacy UEditor, the old v3
 * headline-article editor): events come from the frame's document, while the adapter's hooks
 * live in the page that holds the frame.
 */

/** The document of the page that holds `node`, climbing out of same-origin editing frames. */
export function pageDocument(node: Node): Document {
  let doc = node.ownerDocument ?? (node as Document);
  for (;;) {
    const view = doc.defaultView;
    const parent = view && view.parent !== view ? view.parent : null;
    let outer: Document | null;
    try {
      outer = view?.frameElement?.ownerDocument ?? parent?.document ?? null;
    } catch {
      outer = null; // a cross-origin parent: this frame is the page
    }
    if (!outer || outer === doc) return doc;
    doc = outer;
  }
}
