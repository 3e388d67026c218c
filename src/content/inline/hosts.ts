/**
 * Every piece of UI Freigabe puts on a page lives in a closed shadow root: the page's CSS cannot
 * reach in, ours cannot leak out, and the page's scripts cannot read or click what is inside.
 */
import { inlineCss } from './styles.ts';

export const hostAttribute = 'data-freigabe-host';

export interface Host {
  host: HTMLElement;
  /** where Preact renders (inside the closed shadow root, beside our style sheet) */
  mount: HTMLElement;
}

const editable = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

export function createHost(doc: Document, kind: string, tag = 'div'): Host {
  const host = doc.createElement(tag);
  host.setAttribute(hostAttribute, kind);
  // The theme's styles for this element still apply to the host box; keep it neutral.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = inlineCss;
  const mount = doc.createElement('div');
  root.append(style, mount);
  // Typing in our fields must not reach the page's (or our own) keyboard shortcuts.
  root.addEventListener('keydown', (event) => {
    const target = event.target as Element | null;
    if (target?.matches?.(editable)) event.stopPropagation();
  });
  return { host, mount };
}

/** Removes every host of an earlier instance (an update replaced the extension under this page). */
export function removeHosts(doc: Document): void {
  for (const host of doc.querySelectorAll(`[${hostAttribute}]`)) host.remove();
}
