/**
 * Handing an article over from the inline view an extension update left behind to the new one.
 *
 * The new instance announces itself with an event on `document`, the only thing both share (after
 * an update they run in different worlds). But any page can dispatch that event too: DOM events
 * cross worlds, and the page can read the name in our code. So the event is only a knock. An
 * instance steps aside only when its own extension context is gone — after an update, reload or
 * uninstall, Chrome keeps the old content script running with `runtime.id` unset and every message
 * failing; Firefox removes it outright. A page cannot make that true: it cannot reach our world,
 * and it cannot unload the extension. While the extension runs, the knock changes nothing.
 */
import { browser } from '../../shared/browser.ts';

const takeoverEvent = 'freigabe:takeover';

/** Asks an instance from before an update to step aside (and take its UI with it). */
export function announceTakeover(doc: Document): void {
  doc.dispatchEvent(new CustomEvent(takeoverEvent));
}

/** Whether the extension this code belongs to is still there (false: an update replaced it). */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    // Some builds throw instead of answering once the context is invalidated.
    return false;
  }
}

/** Calls `stepAside` when a newer instance knocks, and only if this one's extension is gone. */
export function stepAsideWhenReplaced(
  doc: Document,
  { signal, stepAside, alive = extensionAlive }: { signal: AbortSignal; stepAside: () => void; alive?: () => boolean },
): void {
  doc.addEventListener(
    takeoverEvent,
    () => {
      if (!alive()) stepAside();
    },
    { signal },
  );
}
