/** When syncs happen: on the alarm, when asked, when a tab of a connected site reports in, and after a bulk job. */
import type { SyncSummary } from '../../shared/messages.ts';
import { reportError } from '../../shared/report-error.ts';
import { readSettings } from '../../shared/settings.ts';
import { refreshOldBlocklist } from '../blocklist/read.ts';
import type { BackgroundContext } from '../context.ts';
import { jobMovingQueue, movesPendingQueue } from './job-deferral.ts';
import { type SyncOptions, syncPending } from './pull-pending.ts';

export const syncAlarm = 'freigabe:sync';
/** A tab reporting in triggers a sync only when the last one is older than this. */
export const staleAfterMs = 30_000;

/** Syncs every site (or one); a site that fails is reported by its status line, not thrown. */
export async function syncAllSites(
  ctx: BackgroundContext,
  onlySiteId?: string,
  options: SyncOptions = {},
): Promise<SyncSummary[]> {
  const sites = onlySiteId ? [onlySiteId] : await ctx.db.sites.toCollection().primaryKeys();
  const results = await Promise.allSettled(sites.map((siteId) => syncSite(ctx, siteId, options)));
  return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/** Syncs a site whose last sync is older than `staleAfterMs`; answers whether it tried. */
export async function syncIfStale(ctx: BackgroundContext, siteId: string): Promise<boolean> {
  const site = await ctx.db.sites.get(siteId);
  if (!site || (site.lastSyncAt !== null && ctx.now() - site.lastSyncAt <= staleAfterMs)) return false;
  // A job moving the queue keeps lastSyncAt still (the sync only counts): tabs do not count again and
  // again; the popup's sync and the catch-up when the job stops do.
  if (await jobMovingQueue(ctx.db, siteId)) return false;
  // syncPending wrote why into the site's status line, which the popup shows.
  await syncSite(ctx, siteId).catch((error: unknown) =>
    reportError(error, { where: 'background: sync', silent: true }),
  );
  return true;
}

/** One site's queue, then its blocklists when an hour old (where the Bridge has them: ADR 030), which fail quietly. */
async function syncSite(ctx: BackgroundContext, siteId: string, options: SyncOptions = {}): Promise<SyncSummary> {
  const summary = await syncPending(ctx, siteId, options);
  await refreshOldBlocklist(ctx, siteId).catch((error: unknown) =>
    reportError(error, { where: 'background: read the blocklists', silent: true }),
  );
  return summary;
}

/** Keeps the sync alarm at the interval the user chose (re-created when missing or changed). */
export async function ensureSyncAlarm(ctx: BackgroundContext): Promise<void> {
  const { syncIntervalMinutes } = await readSettings(ctx.db);
  const existing = await ctx.browser.alarms.get(syncAlarm);
  if (!existing || existing.periodInMinutes !== syncIntervalMinutes) {
    await ctx.browser.alarms.create(syncAlarm, { periodInMinutes: syncIntervalMinutes });
  }
}

/**
 * After a run of the jobs: the sites whose queue a job stopped moving since `since` (done, cancelled
 * or paused) and no other job moves are synced now, so the queue and its counts catch up with what
 * the job did. A worker stopped before this leaves it to the next sync (alarm, popup).
 */
export async function syncAfterJobs(ctx: BackgroundContext, since: number): Promise<void> {
  const stopped = await ctx.db.jobs
    .where('state')
    .anyOf('done', 'cancelled', 'paused')
    .filter((job) => job.updatedAt >= since && movesPendingQueue(job))
    .toArray();
  for (const siteId of new Set(stopped.map((job) => job.siteId))) {
    if (await jobMovingQueue(ctx.db, siteId)) continue;
    await syncSite(ctx, siteId).catch((error: unknown) =>
      reportError(error, { where: 'background: sync after a bulk job', silent: true }),
    );
  }
}
