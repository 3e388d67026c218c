/**
 * Keeps the popup's first screen (shared/first-screen.ts) in step with the cache: after the
 * comments, sites or posts change (Dexie's change notices, also for the worker's own writes),
 * it is written again, once per burst. A worker stopped before writing leaves an older snapshot:
 * the popup shows it for a moment and then what the cache says.
 */
import { Dexie } from 'dexie';
import { type ChangeNotice, touchesTables } from '../shared/db/change-notice.ts';
import { firstScreenKey, firstScreenOf } from '../shared/first-screen.ts';
import { reportError } from '../shared/report-error.ts';
import type { BackgroundContext } from './context.ts';

/** what firstScreenOf reads */
const firstScreenTables = ['comments', 'sites', 'posts'];
/** a burst of writes (a sync's pages, a flush) settles before the snapshot is written */
const settleMs = 250;

let timer: ReturnType<typeof setTimeout> | undefined;

export async function writeFirstScreen(ctx: BackgroundContext): Promise<void> {
  const screen = await firstScreenOf(ctx.db, ctx.now());
  await ctx.browser.storage.session.set({ [firstScreenKey]: screen });
}

/** Watches the cache; answers a function that stops watching. */
export function keepFirstScreen(ctx: BackgroundContext): () => void {
  const onChange = (notice: ChangeNotice) => {
    if (!touchesTables(notice, ctx.db.name, firstScreenTables)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void writeFirstScreen(ctx).catch((error: unknown) => reportError(error, { where: 'background: first screen' }));
    }, settleMs);
  };
  Dexie.on('storagemutated', onChange);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    Dexie.on('storagemutated').unsubscribe(onChange);
  };
}
