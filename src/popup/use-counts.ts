/**
 * The views' counts. Counting an index of thousands of comments is not free in IndexedDB, and every
 * decision changes them: counted once the first rows are on screen, then again at most every second
 * while the cache changes. The view on screen counts from memory instead (exact at once).
 */
import { Dexie } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { FreigabeDb, SiteRow } from '../shared/db/index.ts';
import { loadCounts, type ViewCounts } from './queue/load.ts';

export const countsEveryMs = 1000;

export function useCounts(
  db: FreigabeDb,
  siteId: string | null,
  sites: readonly SiteRow[],
  enabled: boolean,
): ViewCounts | null {
  const [counts, setCounts] = useState<ViewCounts | null>(null);
  const who = sites.map((site) => `${site.id}=${site.userId}=${site.mode}`).join(' ');
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;
    const count = async () => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const next = await loadCounts(db, siteId, sites);
        if (alive) setCounts(next);
      } catch {
        // Counts are a hint: the next change counts again.
      } finally {
        running = false;
        if (again && alive) {
          again = false;
          timer = setTimeout(count, countsEveryMs);
        }
      }
    };
    const tables = ['comments', 'posts', 'syncState'].map((table) => `idb://${db.name}/${table}/`);
    const onChange = (parts: object) => {
      if (timer !== undefined || !tables.some((part) => part in parts)) return;
      timer = setTimeout(count, countsEveryMs);
    };
    Dexie.on('storagemutated', onChange);
    void count();
    return () => {
      alive = false;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
  }, [db, siteId, who, enabled]);
  return counts;
}
