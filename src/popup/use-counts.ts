/**
 * The views' counts. Counting an index of thousands of comments is not free in IndexedDB, and every
 * decision changes them: counted once the first rows are on screen, then again at most every second
 * while the cache changes. The view on screen counts from memory instead (exact at once).
 */
import type { FreigabeDb, SiteRow } from '../shared/db/index.ts';
import { useThrottledQuery } from '../shared/ui/use-throttled-query.ts';
import { loadCounts, type ViewCounts } from './queue/load.ts';

export const countsEveryMs = 1000;

export function useCounts(
  db: FreigabeDb,
  siteId: string | null,
  sites: readonly SiteRow[],
  enabled: boolean,
): ViewCounts | null {
  const who = sites.map((site) => `${site.id}=${site.userId}=${site.mode}`).join(' ');
  return useThrottledQuery(
    db,
    ['comments', 'posts', 'syncState'],
    () => loadCounts(db, siteId, sites),
    countsEveryMs,
    [siteId, who],
    enabled,
  );
}
