/**
 * A place to lay out measuring mirrors: one hidden element with its own shadow root and strict
 * containment, so measuring lays out only itself, page CSS cannot restyle the mirror, and the
 * page's (and the guard's own) mutation observers never see a node come and go.
 */
const hosts = new WeakMap<Document, { host: HTMLElement; root: ShadowRoot }>();

export function measureRoot(doc: Document): ShadowRoot {
  let entry = hosts.get(doc);
  if (!entry) {
    const host = doc.createElement('govpost-measure');
    host.setAttribute('aria-hidden', 'true');
    host.style.cssText =
      'position:absolute!important;top:0!important;left:-99999px!important;width:0!important;height:0!important;overflow:hidden!important;visibility:hidden!important;contain:strict!important;pointer-events:none!important';
    entry = { host, root: host.attachShadow({ mode: 'closed' }) };
    hosts.set(doc, entry);
  }
  if (!entry.host.isConnected) doc.documentElement.append(entry.host);
  return entry.root;
}
