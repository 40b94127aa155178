/**
 * Whether an element is on screen as far as styles go. Platforms keep hidden copies of their
 * dialogs in the page (WeChat's `.weui-desktop-dialog__wrp` templates, Naive UI's leaving
 * dialogs), so an adapter must judge visibility before it takes a button for the live one.
 */
export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  // Chromium 121+ and Firefox 125+ answer in one call; older browsers walk the styles below.
  const withCheck = el as Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };
  if (typeof withCheck.checkVisibility === 'function') return withCheck.checkVisibility({ visibilityProperty: true });
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  for (let e: Element | null = el; e; e = e.parentElement)
    if (view.getComputedStyle(e).display === 'none') return false;
  return view.getComputedStyle(el).visibility !== 'hidden';
}
