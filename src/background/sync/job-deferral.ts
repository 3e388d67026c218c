/**
 * While a bulk job moves the pending queue (a job over pending comments, or one that brings
 * comments back to it), the sync does not read the queue's pages: they would fill the cache with
 * comments the job is about to change — a flood of 100,000 — and every page written would make an
 * open popup read and cluster its view again (ADR 022, "the cache during a flood"). It counts
 * instead (X-WP-Total per status, one small request each), so the tabs show the server's numbers
 * as the job takes them down. A sync already under way when a job starts stops at its next page
 * (its cursor stays: the next sync goes on from there). When the job ends or is paused, the queue
 * is read at once (sync/schedule.ts). A paused job does not hold the sync back: the queue may stand
 * still for hours.
 */
import type { FreigabeDb, JobRow, SiteRow } from '../../shared/db/index.ts';
import type { JobAction } from '../../shared/jobs.ts';
import type { SyncSummary } from '../../shared/messages.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import type { BackgroundContext } from '../context.ts';
import { updateSyncState } from './cache-write.ts';
import { statusCounts } from './status-counts.ts';

/** Actions that may leave comments pending (back where they were before, or unapproved). */
const actionsIntoPending: ReadonlySet<JobAction> = new Set(['unapprove', 'unspam', 'untrash']);

export const movesPendingQueue = (job: Pick<JobRow, 'filter' | 'action'>) =>
  job.filter.status === 'hold' || actionsIntoPending.has(job.action);

/** Thrown between pages by a sync that finds a job moving the queue it reads: it stops there. */
export class HeldBackByJob extends Error {
  constructor() {
    super('A bulk job is changing the pending queue: the sync counts instead.');
  }
}

/** A running job of this site that changes what is pending. */
export async function jobMovingQueue(db: FreigabeDb, siteId: string): Promise<boolean> {
  const moving = await db.jobs
    .where('siteId')
    .equals(siteId)
    .filter((job) => job.state === 'running' && movesPendingQueue(job))
    .count();
  return moving > 0;
}

/** The sync while a job moves the queue: the counts only; the cache and its last sync time stay. */
export async function countWhileJobRuns(ctx: BackgroundContext, client: WpClient, site: SiteRow): Promise<SyncSummary> {
  // An author's pending count is what their last full sync could read: WordPress counts every post's.
  const counts = await statusCounts(client, site.mode, site.pendingTotal, ctx.now());
  const serverTotal = counts.hold ?? site.pendingTotal;
  await ctx.db.transaction('rw', [ctx.db.sites, ctx.db.syncState], async () => {
    await ctx.db.sites.update(site.id, { status: 'connected', statusMessage: null, pendingTotal: serverTotal });
    await updateSyncState(ctx.db, site.id, () => ({ counts }));
  });
  const cached = await ctx.db.comments.where('[siteId+status]').equals([site.id, 'hold']).count();
  return { siteId: site.id, pending: cached, serverTotal };
}
