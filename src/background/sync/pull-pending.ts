/**
 * Pulls a site's pending queue (every comment type; the newest 10,000 of a longer one, the rest
 * counted — fetch-queue.ts) into the cache, page by page, each page written in one transaction with
 * the sync cursor (pull-queue.ts): a worker stopped mid-sync goes on after the last comment written.
 * Then re-reads the cached comments that left the queue (decided elsewhere: moved, or deleted), those
 * the user or a job moved lately and a page of the rest (sweep.ts), fetches the comments pending ones
 * reply to, the titles of their posts and the counts per status. Unsent decisions are never undone
 * by what the server says.
 */
import type { CommentRow } from '../../shared/db/index.ts';
import type { SyncSummary } from '../../shared/messages.ts';
import { reportError } from '../../shared/report-error.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';
import { defaultLocks, syncLockName } from '../locks.ts';
import { notifyNewPending } from '../notify.ts';
import { pruneDoneDecisions } from '../outbox/prune.ts';
import { seedReputation } from '../reputation.ts';
import { siteStatusAfter } from '../sites/reachability.ts';
import { clientForSite } from '../sites/site-client.ts';
import {
  decidedIn,
  decidedSince,
  forgetSeen,
  notComments,
  syncTables,
  toCommentRow,
  updateSyncState,
  writePulled,
} from './cache-write.ts';
import { followedComments, tellChangedElsewhere, watchedComments } from './changed-elsewhere.ts';
import { recheck } from './fetch-queue.ts';
import { countWhileJobRuns, HeldBackByJob, jobMovingQueue } from './job-deferral.ts';
import { jobMovedComments } from './job-moved.ts';
import { pullQueue } from './pull-queue.ts';
import { fetchMissingParents, fetchMissingPosts } from './related.ts';
import { statusCounts } from './status-counts.ts';
import { sweepSlice } from './sweep.ts';

export { toCommentRow };

/** A stopped sync older than this starts over: its pages would be too old to count as read now. */
export const maxResumeAgeMs = 5 * 60_000;

export interface SyncOptions {
  /** may announce new pending comments (when the user turned that on); not for syncs the user asked for */
  notify?: boolean;
  /** the most pending comments cached (`pendingCacheCap`; tests against a real WordPress ask for fewer) */
  pendingCap?: number;
  /**
   * The user asked (sync now, the cache cleared): a sync already under way may have read the queue
   * before what the user expects to see, so one more runs after it (one for all who ask meanwhile).
   */
  fresh?: boolean;
}

const running = new Map<string, Promise<SyncSummary>>();
/** the sync that starts when the running one ends, for those who asked for a fresh one meanwhile */
const next = new Map<string, Promise<SyncSummary>>();

/**
 * Syncs one site. A sync already running for it in this context is joined (a fresh one is asked
 * for after it); across contexts the site's lock (Web Locks) makes a second one wait: syncs of one
 * site never overlap.
 */
export function syncPending(ctx: BackgroundContext, siteId: string, options: SyncOptions = {}): Promise<SyncSummary> {
  const current = running.get(siteId);
  if (current && options.fresh) {
    const queued = next.get(siteId);
    if (queued) return queued;
    const after = current
      .catch(() => undefined)
      .then(() => {
        next.delete(siteId);
        // One that started since this request was made is fresh enough.
        return syncPending(ctx, siteId, { ...options, fresh: false });
      });
    next.set(siteId, after);
    return after;
  }
  if (current) return current;
  const locks = ctx.locks ?? defaultLocks();
  const sync = locks
    .exclusive(syncLockName(siteId), () => pull(ctx, siteId, options))
    .finally(() => running.delete(siteId));
  running.set(siteId, sync);
  return sync;
}

async function pull(ctx: BackgroundContext, siteId: string, options: SyncOptions): Promise<SyncSummary> {
  const site = await ctx.db.sites.get(siteId);
  if (!site) throw new WpError('terminal', 'This site is not connected.', null, 'site_not_connected');
  const client = await clientForSite(ctx, siteId);
  const now = ctx.now();
  const state = await ctx.db.syncState.get(siteId);
  const cursor = state?.cursor ?? null;
  const resume = cursor && now >= cursor.startedAt && now - cursor.startedAt < maxResumeAgeMs ? cursor : null;
  // Later than every row an earlier sync wrote, even if the clock stood still or went back.
  const startedAt = resume?.startedAt ?? Math.max(now, (site.lastSyncAt ?? 0) + 1);
  await ctx.db.sites.update(siteId, { status: 'syncing' });
  try {
    if (await jobMovingQueue(ctx.db, siteId)) return await countWhileJobRuns(ctx, client, site);
    const context = site.mode === 'moderator' ? 'edit' : 'view';
    const queue = await pullQueue(ctx, client, siteId, context, startedAt, resume, options.pendingCap);
    // Cached as pending but not seen by this sync: re-read them to learn where they went.
    // The site's outbox, read once for both questions below.
    const outbox = await ctx.db.outbox.where('siteId').equals(siteId).toArray();
    const decided = decidedIn(outbox, startedAt);
    const unseen = (await ctx.db.comments.where('[siteId+status]').equals([siteId, 'hold']).primaryKeys())
      .map(([, id]) => id)
      .filter((id) => !queue.seen.has(id) && !decided.has(id));
    // Older than the newest the cache holds (a queue over the cap): counted, not read, and let go.
    const window = queue.window;
    const beyond = window ? unseen.filter((id) => id < window.firstId) : [];
    const left = window ? unseen.filter((id) => id >= window.firstId) : unseen;
    // And those the user decided lately, to tell when someone else changed them since (no Bridge).
    const watched = watchedComments(outbox, startedAt);
    // And those only edited or told already, or moved by a job lately: the cache follows them, nothing is told.
    const followed = [
      ...watched,
      ...followedComments(outbox, startedAt, watched),
      ...(await jobMovedComments(ctx.db, siteId, startedAt)),
    ];
    // And a page of the rest of the cache out of the queue, round the cache from sync to sync (sweep.ts).
    const sweep = await sweepSlice(
      ctx.db,
      siteId,
      state?.sweepAfterId ?? 0,
      // Those in the outbox are the user's: followed while decided lately, never overwritten while open.
      new Set([...followed, ...queue.seen, ...outbox.map((row) => row.commentId)]),
    );
    const reread = new Set([...left, ...followed.filter((id) => !queue.seen.has(id)), ...sweep.ids]);
    const whereabouts = await recheck(client, [...reread], context);
    const found: CommentRow[] = [];
    for (const comment of whereabouts.values()) {
      if (!notComments.has(comment.type)) found.push(toCommentRow(siteId, comment, startedAt));
    }
    // Seen in this sync's queue pass: pending now.
    const serverStatuses = new Map<number, string>();
    for (const id of watched) {
      const status = queue.seen.has(id) ? 'hold' : whereabouts.get(id)?.status;
      if (status !== undefined) serverStatuses.set(id, status);
    }
    // Swept and not found: deleted for good by someone (an author may just not see Spam and Trash).
    const sweptGone = site.mode === 'moderator' ? sweep.ids.filter((id) => !whereabouts.has(id)) : [];
    const gone = [...left.filter((id) => !whereabouts.has(id)), ...beyond, ...sweptGone];
    // A swept comment's parent only if it is pending again: the sweep reads again, it does not widen the cache.
    const swept = new Set(sweep.ids);
    const parents = await fetchMissingParents(
      ctx,
      client,
      siteId,
      [
        ...queue.parents,
        ...found.filter((row) => row.status === 'hold' || !swept.has(row.id)).map((row) => row.parent),
      ],
      context,
      startedAt,
    );
    const posts = await fetchMissingPosts(ctx, client, siteId, [
      ...queue.posts,
      ...[...found, ...parents].map((row) => row.post),
    ]);
    const inWindow = (row: CommentRow) => !window || row.id >= window.firstId;
    const pendingTotal =
      queue.pendingSeen + found.filter((row) => row.status === 'hold' && inWindow(row)).length + (window?.start ?? 0);
    const counts = await statusCounts(client, site.mode, pendingTotal, ctx.now());
    // Installed or removed since: one small request. Unreadable (a locked index): what was known stays.
    const bridge = await client.bridgeInfo().catch(() => undefined);
    await ctx.db.transaction('rw', syncTables(ctx.db), async () => {
      await tellChangedElsewhere(ctx, siteId, serverStatuses, startedAt);
      await writePulled(ctx, siteId, [...found, ...parents], startedAt);
      const stillDecided = await decidedSince(ctx, siteId, startedAt, gone);
      await ctx.db.comments.bulkDelete(gone.filter((id) => !stillDecided.has(id)).map((id) => [siteId, id]));
      await ctx.db.posts.bulkPut(posts);
      await ctx.db.sites.update(siteId, {
        status: 'connected',
        statusMessage: null,
        lastSyncAt: startedAt,
        pendingTotal,
        ...(bridge === undefined ? {} : { bridge }),
      });
      const seeded = (await ctx.db.syncState.get(siteId))?.reputationSeededAt;
      if (seeded === undefined) await seedReputation(ctx.db, siteId, ctx.now());
      await updateSyncState(ctx.db, siteId, () => ({
        cursor: null,
        counts,
        reputationSeededAt: seeded ?? ctx.now(),
        sweepAfterId: sweep.next,
      }));
      await forgetSeen(ctx.db, siteId);
      await pruneDoneDecisions(ctx.db, siteId, ctx.now());
    });
    if (options.notify !== false && site.lastSyncAt !== null && queue.newPending > 0) {
      await notifyNewPending(ctx, site, queue.newPending).catch((error: unknown) =>
        reportError(error, { where: 'background: notify new pending' }),
      );
    }
    return { siteId, pending: pendingTotal, serverTotal: queue.total };
  } catch (error) {
    if (!(error instanceof HeldBackByJob)) {
      await ctx.db.sites.update(siteId, siteStatusAfter(error));
      throw error;
    }
  }
  // A job started moving the queue while this sync read it: the rest is counted, not read.
  try {
    return await countWhileJobRuns(ctx, client, site);
  } catch (error) {
    await ctx.db.sites.update(siteId, siteStatusAfter(error));
    throw error;
  }
}
