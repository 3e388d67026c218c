/**
 * The first screen the background keeps in storage.session (shared/first-screen.ts), asked for
 * by a plain script while the popup's own is still loading (public/first-screen-early.js), else as
 * it starts, before the cache is opened: it answers in a few milliseconds, opening IndexedDB in a
 * fresh page takes far longer.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import type { CommentRow } from '../shared/db/index.ts';
import { asFirstScreen, type FirstScreen, firstScreenKey } from '../shared/first-screen.ts';
import { reportError } from '../shared/report-error.ts';

let early: Promise<FirstScreen | null> = Promise.resolve(null);
let known: FirstScreen | null = null;

declare global {
  /**
   * the same request, made by public/first-screen-early.js before this script loaded; null once the
   * app has taken it or asked itself, so that script, loaded late, asks nothing
   */
  var freigabeFirstScreen: Promise<Record<string, unknown>> | null | undefined;
}

export function readFirstScreenEarly(): void {
  const asked = globalThis.freigabeFirstScreen;
  globalThis.freigabeFirstScreen = null;
  early = (asked ?? browser.storage.session.get(firstScreenKey))
    .then((stored) => {
      known = asFirstScreen(stored[firstScreenKey]);
      return known;
    })
    .catch((error: unknown) => {
      // The popup opens the cache itself then, only slower.
      reportError(error, { where: 'popup: first screen', silent: true });
      return null;
    });
}

let rowsTaken = false;

/**
 * Settles when the snapshot has answered (or could not), or after `limitMs`: the app's first render
 * waits this long for it, so its first frame shows the rows instead of a loading screen followed by
 * the rows a frame later. The page's static shell is already painted meanwhile.
 */
export function firstScreenSettled(limitMs = 50): Promise<void> {
  return Promise.race([early.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, limitMs))]);
}

function rowsOf(screen: FirstScreen, view: string, siteId: string | null): CommentRow[] {
  return screen.rows.filter((row) => row.status === view && (siteId === null || row.siteId === siteId));
}

/**
 * The snapshot's rows of a view, if it has answered already: for the first render, which then
 * needs no second one to show them. Taken once, like `firstScreenRows`; null when not known yet.
 */
export function firstScreenRowsNow(view: string, siteId: string | null): CommentRow[] | null {
  if (rowsTaken || view !== 'hold' || known === null) return null;
  rowsTaken = true;
  return rowsOf(known, view, siteId);
}

/**
 * The snapshot's rows of a view, for the popup's first view only (later views are read while the
 * cache is open anyway); null when the snapshot cannot answer for it (only pending is kept).
 */
export async function firstScreenRows(view: string, siteId: string | null): Promise<CommentRow[] | null> {
  if (rowsTaken || view !== 'hold') return null;
  rowsTaken = true;
  const screen = await early;
  return screen ? rowsOf(screen, view, siteId) : null;
}

/** The snapshot, for what the popup shows until the cache has answered (sites, post titles). */
export function useFirstScreen(): FirstScreen | null {
  const [screen, setScreen] = useState<FirstScreen | null>(known);
  useEffect(() => {
    let alive = true;
    void early.then((value) => {
      if (alive) setScreen(value);
    });
    return () => {
      alive = false;
    };
  }, []);
  return screen;
}
