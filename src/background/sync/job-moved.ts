/**
 * Comments a bulk job moved lately, which the cache holds out of the queue (a job updates only rows
 * already cached: ADR 022). Like the user's own decisions (changed-elsewhere.ts) they are read again
 * by each sync, so the cache follows where someone else moves them next — the soak found a
 * colleague's approval of a comment a job had trashed standing in the cache as Trash for good.
 * Nothing is told: the job's report already said what it did.
 */
import type { FreigabeDb } from '../../shared/db/index.ts';
import { watchedForMs } from './changed-elsewhere.ts';

/** How many a sync reads again: one page of WordPress's 100. */
export const jobMovedAtMost = 100;
/** How many of a job's newest ids are looked up in the cache, at most (a job may have moved 100,000). */
const lookedAt = 1_000;

/** The newest comments that jobs of the site updated within `watchedForMs` moved, among the cached ones not pending. */
export async function jobMovedComments(db: FreigabeDb, siteId: string, startedAt: number): Promise<number[]> {
  const jobs = (await db.jobs.where('siteId').equals(siteId).toArray())
    .filter((job) => job.updatedAt > startedAt - watchedForMs)
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const moved: number[] = [];
  for (const job of jobs) {
    // The job's newest chunks first, until enough ids are in hand.
    const chunks = db.jobChunks
      .where('[jobId+seq]')
      .between([job.id ?? 0, 0], [job.id ?? 0, Number.MAX_SAFE_INTEGER])
      .reverse();
    await chunks
      .until(() => moved.length >= lookedAt)
      .each((chunk) => {
        chunk.ids.forEach((id, index) => {
          if (chunk.outcomes?.[index] === 'done') moved.push(id);
        });
      });
    if (moved.length >= lookedAt) break;
  }
  // Looked up a slice at a time, newest first, until enough are found: this runs on every sync for a
  // day after a job, and after a flood the newest ids are the cached ones.
  const ids = [...new Set(moved)].slice(0, lookedAt);
  const followed: number[] = [];
  for (let start = 0; start < ids.length && followed.length < jobMovedAtMost; start += jobMovedAtMost) {
    const slice = ids.slice(start, start + jobMovedAtMost);
    for (const comment of await db.comments.bulkGet(slice.map((id) => [siteId, id] as [string, number])))
      if (comment && comment.status !== 'hold') followed.push(comment.id);
  }
  return followed.slice(0, jobMovedAtMost);
}
