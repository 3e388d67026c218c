/**
 * The rest of the cache, out of the queue: comments the user decided more than a day ago, found by a
 * search, moved by an older job, parents of pending replies. Nothing follows those (the queue, the
 * user's lately decided and the jobs' lately moved ones are read by every sync), so someone else's
 * later change would stand stale in the popup's Approved, Spam and Trash views for good — the storm
 * soak found a comment the colleague moved from Trash to Spam still in Trash there. Each sync reads
 * one page of them again, going round the cache in id order: one request per sync, and a cache of
 * 10,000 such comments is gone round in 100 syncs.
 */
import type { FreigabeDb } from '../../shared/db/index.ts';

/** One request's page of WordPress's 100. */
export const sweptPerSync = 100;
const outOfQueue = ['approved', 'spam', 'trash'] as const;

/**
 * Pure: the next `count` of these (distinct) ids after `afterId` in id order, going round to the start; `next` is where
 * the following sync goes on (0: from the start).
 */
export function nextSweep(
  ids: readonly number[],
  afterId: number,
  count = sweptPerSync,
): { ids: number[]; next: number } {
  const sorted = [...ids].sort((a, b) => a - b);
  if (sorted.length <= count) return { ids: sorted, next: 0 };
  const start = sorted.findIndex((id) => id > afterId);
  const from = start === -1 ? 0 : start;
  const taken = sorted.slice(from, from + count);
  // At the end: on from the start, so each sync reads a full page.
  if (taken.length < count) taken.push(...sorted.slice(0, count - taken.length));
  return { ids: taken, next: taken.at(-1) ?? 0 };
}

/** The cached comments out of the queue this sync reads again (those others follow already left out), and where the next goes on. */
export async function sweepSlice(
  db: FreigabeDb,
  siteId: string,
  afterId: number,
  followedAlready: ReadonlySet<number>,
): Promise<{ ids: number[]; next: number }> {
  const keys = await db.comments
    .where('[siteId+status]')
    .anyOf(outOfQueue.map((status) => [siteId, status]))
    .primaryKeys();
  return nextSweep(
    keys.map(([, id]) => id).filter((id) => !followedAlready.has(id)),
    afterId,
  );
}
