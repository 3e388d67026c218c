/**
 * A read of the cache kept current like a live query, but at most once every `everyMs` while its
 * tables keep changing: for reads that are not free (counting thousands of comments, every open
 * decision with its snapshot) during a burst of writes (a moderator deciding key after key, a sync,
 * a flush). Each re-run of a live query is a readonly transaction the background's writes queue
 * behind. Read at once when mounted, and at once for a change after a quiet spell; one read at a
 * time; the last change is always read. Dexie's "all" notice (a page back from the back/forward
 * cache) is a change to every table. What counts as a change (`watched`): a write to one of these
 * tables, or what a function says of a notice (to read again only for the rows a query read).
 */
import { Dexie } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { type ChangeNotice, touchesTables } from '../db/change-notice.ts';
import { reportError } from '../report-error.ts';

export function useThrottledQuery<T>(
  db: Dexie,
  watched: readonly string[] | ((notice: ChangeNotice) => boolean),
  query: () => Promise<T>,
  everyMs: number,
  deps: unknown[],
  enabled = true,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when the query is a new one; watched and everyMs are constants per call site (or follow the deps)
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    let lastRead = Number.NEGATIVE_INFINITY;
    const read = async () => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = true;
      lastRead = Date.now();
      try {
        const next = await query();
        if (alive) setValue(next);
      } catch (error) {
        // The next change reads again; this one is reported.
        reportError(error, { where: 'live query' });
      } finally {
        running = false;
        if (again && alive) {
          again = false;
          timer = setTimeout(read, everyMs);
        }
      }
    };
    const onChange = (notice: ChangeNotice) => {
      if (timer !== undefined) return;
      if (typeof watched === 'function' ? !watched(notice) : !touchesTables(notice, db.name, watched)) return;
      // The first change after a quiet spell is read at once; during a burst, once per `everyMs`.
      timer = setTimeout(read, Math.max(0, lastRead + everyMs - Date.now()));
    };
    Dexie.on('storagemutated', onChange);
    void read();
    return () => {
      alive = false;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
  }, [db, enabled, ...deps]);
  return value;
}
