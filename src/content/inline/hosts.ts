/**
 * Every piece of UI Freigabe puts on a page lives in a closed shadow root: the page's CSS cannot
 * reach in, ours cannot leak out, and the page's scripts cannot read or click what is inside.
 */
import { render } from 'preact';
import { inlineCss } from './styles.ts';

export const hostAttribute = 'data-freigabe-host';

export interface Host {
  /** the element placed in the page (carries the shadow root, or wraps the one that does) */
  host: HTMLElement;
  /** where Preact renders (inside the closed shadow root, beside our style sheet) */
  mount: HTMLElement;
}

const sheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * One parsed style sheet shared by every shadow root of a page (a thousand toolbars do not parse
 * the CSS a thousand times). Where a browser refuses a sheet built in the extension's world
 * (Firefox's content-script wrappers may), each root gets a <style> element instead.
 */
function adoptSheet(doc: Document, root: ShadowRoot): boolean {
  let sheet = sheets.get(doc);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(inlineCss);
    } catch {
      // A sheet built in the extension's world is refused: <style> elements instead.
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  if (!sheet) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    return root.adoptedStyleSheets.length === 1;
  } catch {
    // This root refuses the shared sheet: it and the rest get <style> elements.
    sheets.set(doc, null);
    return false;
  }
}

/** Our own handle on each host's mount (the shadow root is closed: the page has none). */
const mounts = new WeakMap<Element, HTMLElement>();

export function mountOf(host: Element): HTMLElement | undefined {
  return mounts.get(host);
}

const editable = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/**
 * A host for one piece of UI. `tag: 'li'` (a card in the theme's `ol`) wraps the host: list items
 * cannot carry a shadow root.
 */
export function createHost(doc: Document, kind: string, tag: 'div' | 'li' = 'div'): Host {
  const shadowHost = doc.createElement('div');
  shadowHost.style.setProperty('all', 'initial', 'important');
  shadowHost.style.setProperty('display', 'block', 'important');
  let host: HTMLElement = shadowHost;
  if (tag === 'li') {
    host = doc.createElement('li');
    host.style.setProperty('list-style', 'none', 'important');
    host.append(shadowHost);
  }
  host.setAttribute(hostAttribute, kind);
  const root = shadowHost.attachShadow({ mode: 'closed' });
  const mount = doc.createElement('div');
  if (!adoptSheet(doc, root)) {
    const style = doc.createElement('style');
    style.textContent = inlineCss;
    root.append(style);
  }
  root.append(mount);
  // Typing in our fields must not reach the page's (or our own) keyboard shortcuts.
  root.addEventListener('keydown', (event) => {
    const target = event.target as Element | null;
    if (target?.matches?.(editable)) event.stopPropagation();
  });
  mounts.set(host, mount);
  return { host, mount };
}

/**
 * What makes a host staged (ADR 033): in the page and laid out at the width it will have, but
 * taking no room (size containment, no block padding, border or margin), invisible, out of the
 * accessibility tree and the tab order — so a card's style and layout happen as it renders in an
 * idle slice, and the page around it is not laid out again for it (the containment), nor moved,
 * until every new card shows in one frame, which then only gives each its height.
 */
const staged: readonly [string, string][] = [
  ['visibility', 'hidden'],
  // Not `strict`: style containment scopes counters, and a host that changes it makes the browser
  // count every list item of the page again (a 1,000-comment thread: a relayout of all of it).
  ['contain', 'size layout paint'],
  ['padding-top', '0'],
  ['padding-bottom', '0'],
  ['border-top-width', '0'],
  ['border-bottom-width', '0'],
  ['margin-top', '0'],
  ['margin-bottom', '0'],
];

/** A staged host's own style as it was, put back when it shows. */
const beforeStaging = new WeakMap<HTMLElement, string>();

/**
 * Shows or hides a host. `hidden` would not do: the host's inline `display: block !important`
 * (which keeps themes from hiding or restyling it) wins over the attribute's default style.
 * A staged host gets its own style back (an `all: initial` host taken apart would let the page's
 * CSS in) and keeps its layout containment: taking that away would make its inside a part of the
 * page's formatting context again, to be laid out anew in the frame it shows in.
 */
export function showHost(host: HTMLElement, shown: boolean): void {
  const before = beforeStaging.get(host);
  if (before !== undefined) {
    beforeStaging.delete(host);
    host.style.cssText = before;
    host.style.setProperty('contain', 'layout', 'important');
  }
  host.style.setProperty('display', shown ? 'block' : 'none', 'important');
}

/** Stages a host: rendered and laid out where it stands, shown later with `showHost`. */
export function stageHost(host: HTMLElement): void {
  if (!beforeStaging.has(host)) beforeStaging.set(host, host.style.cssText);
  host.style.setProperty('display', 'block', 'important');
  for (const [property, value] of staged) host.style.setProperty(property, value, 'important');
}

export function isShown(host: HTMLElement): boolean {
  return host.style.getPropertyValue('display') !== 'none' && host.style.getPropertyValue('visibility') !== 'hidden';
}

/**
 * Every host one inline view made. A host is unmounted before it is removed (Hypothesis's
 * `PreactContainer.destroy()`): Preact runs every cleanup — the editor saves the last keystrokes'
 * draft — which a removed element alone would never trigger.
 */
export class HostSet {
  private readonly all = new Set<Host>();

  constructor(private readonly doc: Document) {}

  create(kind: string, tag: 'div' | 'li' = 'div'): Host {
    const host = createHost(this.doc, kind, tag);
    this.all.add(host);
    return host;
  }

  destroy(host: Host): void {
    this.all.delete(host);
    render(null, host.mount);
    host.host.remove();
  }

  destroyAll(): void {
    for (const host of [...this.all]) this.destroy(host);
  }
}

/**
 * Removes hosts an earlier instance left behind (one from a build before instances handed over:
 * its Preact cannot be reached from here, only its elements).
 */
export function removeHosts(doc: Document): void {
  for (const host of doc.querySelectorAll(`[${hostAttribute}]`)) host.remove();
}
