/**
 * One chunk of one job: recover the chunk a stopped worker left claimed, or select and claim the
 * next; leave alone the comments with the user's own decisions; send the rest (Bridge or REST);
 * write the answer with the progress. Everything the next chunk needs is in IndexedDB afterwards:
 * the worker may stop at any line.
 */
import type { JobChunkRow, JobRow, SiteRow } from '../../shared/db/index.ts';
import { maxJobSize } from '../../shared/jobs.ts';
import { maxTimeoutMs, type WpClient } from '../../shared/wp/client.ts';
import type { BackgroundContext } from '../context.ts';
import { groupLimit } from '../outbox/bridge-send.ts';
import { markReachable } from '../sites/reachability.ts';
import { clientForSite } from '../sites/site-client.ts';
import { bridgeOfSite } from './bridge-of-site.ts';
import { sendBridgeChunk } from './bridge-route.ts';
import { AdaptiveConcurrency } from './concurrency.ts';
import { type JobCursor, newCursor, readCursor } from './cursor.ts';
import { cancelJob, finishJob, pauseForSignIn, waitForClaim, waitJob } from './job-state.ts';
import { answerChunk, claimChunk, claimedChunk, ownDecisions } from './ledger.ts';
import { asWpError, type ItemOutcome, isTransient, refused, runningCheck, stopsTheJob } from './outcomes.ts';
import { recoverRestChunk } from './recover.ts';
import { type PoolTiming, sendRestChunk } from './rest-route.ts';
import { type ClaimItem, nextBridgeChunk, nextRestChunk } from './selection.ts';
import { nextUndoChunk } from './undo-selection.ts';

export type StepResult = { kind: 'worked' } | { kind: 'waiting'; until: number } | { kind: 'stopped' };

type RunningJob = JobRow & { id: number };

interface Work {
  chunk: JobChunkRow;
  items: ClaimItem[];
  decided: ItemOutcome[];
  /** the bookmark after this chunk */
  cursor: JobCursor;
  resent: boolean;
  /** the selection ends with this chunk */
  last: boolean;
}

export async function workOneChunk(ctx: BackgroundContext, jobId: number, timing: PoolTiming): Promise<StepResult> {
  const job = (await ctx.db.jobs.get(jobId)) as RunningJob | undefined;
  if (job?.state !== 'running') return { kind: 'stopped' };
  const site = await ctx.db.sites.get(job.siteId);
  if (!site) {
    await cancelJob(ctx, jobId);
    return { kind: 'stopped' };
  }
  if (site.status === 'needs-login') {
    await pauseForSignIn(ctx, jobId, site.id, null);
    return { kind: 'stopped' };
  }
  const started = timing.now();
  // An unreadable bookmark ends the selection (highest id 0): a job never acts beyond what it knows it started on.
  let cursor = withRoute(
    readCursor(job.cursor, () => newCursor('rest', 0, [])),
    site,
  );
  const limit = new AdaptiveConcurrency(cursor.concurrency);
  let claimed: JobChunkRow | undefined;
  try {
    const client = await clientForSite(ctx, site.id);
    const work = await nextWork(ctx, client, site, job, cursor);
    if (work === 'end') {
      await finishJob(ctx, jobId, cursor, timing.now() - started);
      return { kind: 'stopped' };
    }
    if (work === 'moved') return { kind: 'worked' };
    if ('until' in work) {
      await waitForClaim(ctx, jobId, work.until);
      return { kind: 'waiting', until: work.until };
    }
    claimed = work.chunk;
    cursor = work.cursor;
    // The user's own decisions win: a comment with one not sent yet, or made after the job started, is left alone.
    const own = await ownDecisions(
      ctx,
      site.id,
      work.items.map((item) => item.id),
      job.createdAt,
    );
    const items = work.items.filter((item) => !own.has(item.id));
    const decided = [...work.decided, ...[...own].map((id): ItemOutcome => ({ id, result: 'skipped', status: null }))];
    const stillRunning = runningCheck(async () => (await ctx.db.jobs.get(jobId))?.state === 'running', timing.now);
    const answer =
      cursor.route === 'bridge'
        ? await sendBridgeChunk(
            client,
            job.action,
            items,
            work.resent,
            groupLimit(job.action, site),
            limit,
            timing,
            stillRunning,
          )
        : await sendRestChunk(client, job.action, items, limit, timing, stillRunning);
    for (const outcome of decided) answer.outcomes.set(outcome.id, outcome);
    const stop = answer.stop;
    if (answer.halted && !stop) {
      // Paused or cancelled while the chunk was out: what was answered is written (the report matches
      // the server); a paused job's comments never sent are claimed again for the resume.
      const paused = (await ctx.db.jobs.get(jobId))?.state === 'paused';
      const unsent = paused ? items.filter((item) => !answer.outcomes.has(item.id)) : [];
      await answerChunk(ctx, job, work.chunk, answer.outcomes, {
        cursor: { ...cursor, concurrency: limit.limit },
        activeMs: timing.now() - started,
        route: cursor.route,
        unsent: { ids: unsent.map((item) => item.id), before: unsent.map((item) => item.before) },
      });
      return { kind: 'stopped' };
    }
    if (stop && (isTransient(stop) || stopsTheJob(stop))) {
      await claimEnded(ctx, work.chunk);
      return await stopped(ctx, job, stop, cursor, limit, started, timing);
    }
    // Refused as a whole (the Bridge answering 403 or 400 for the chunk): every comment left is refused.
    if (stop)
      for (const item of items) if (!answer.outcomes.has(item.id)) answer.outcomes.set(item.id, refused(item.id, stop));
    const answered = { ...cursor, concurrency: limit.limit, attempts: 0 };
    await answerChunk(ctx, job, work.chunk, answer.outcomes, {
      cursor: answered,
      activeMs: timing.now() - started,
      route: cursor.route,
    });
    await markReachable(ctx, site.id);
    // The Bridge's listing said nothing follows: done now (unless paused or cancelled meanwhile).
    if (work.last) await finishJob(ctx, jobId, answered, 0);
    return { kind: 'worked' };
  } catch (error) {
    if (claimed) await claimEnded(ctx, claimed);
    return stopped(ctx, job, asWpError(error), cursor, limit, started, timing);
  }
}

/** The chunk's requests have ended without an answer written: sent again, it need not wait for them. */
async function claimEnded(ctx: BackgroundContext, chunk: JobChunkRow): Promise<void> {
  await ctx.db.jobChunks.update([chunk.jobId, chunk.seq], { claimedAt: undefined });
}

/**
 * The route this chunk takes: the Bridge while the site has it; REST when it went away (deactivated),
 * reading the selection again from its first id — what the Bridge changed has left the filter.
 */
function withRoute(cursor: JobCursor, site: SiteRow): JobCursor {
  if (cursor.route === 'rest' || bridgeOfSite(site)) return cursor;
  return { ...cursor, route: 'rest', stream: 0, afterId: 0, offsetHint: 0 };
}

async function stopped(
  ctx: BackgroundContext,
  job: RunningJob,
  error: ReturnType<typeof asWpError>,
  cursor: JobCursor,
  limit: AdaptiveConcurrency,
  started: number,
  timing: PoolTiming,
): Promise<StepResult> {
  if (error.kind === 'auth') {
    await pauseForSignIn(ctx, job.id, job.siteId, error.message);
    return { kind: 'stopped' };
  }
  if (!isTransient(error) && !stopsTheJob(error)) {
    // Reading the selection was refused (a plugin forbids the list): nothing can go on; the user sees why.
    await ctx.db.jobs.update(job.id, {
      failures: [...job.failures, { commentId: 0, code: error.code ?? error.kind, message: error.message }].slice(
        0,
        200,
      ),
    });
    await cancelJob(ctx, job.id);
    return { kind: 'stopped' };
  }
  const until = await waitJob(ctx, job, error, { ...cursor, concurrency: limit.limit }, timing.now() - started);
  return { kind: 'waiting', until };
}

/** The claimed chunk to recover, or the next one claimed now; 'end' when nothing is left. */
async function nextWork(
  ctx: BackgroundContext,
  client: WpClient,
  site: SiteRow,
  job: RunningJob,
  cursor: JobCursor,
): Promise<Work | 'end' | 'moved' | { until: number }> {
  const open = await claimedChunk(ctx, job.id);
  if (open) {
    // Left by a worker that stopped while its requests were out: not sent again while they may still be
    // under way (the client gives up after maxTimeoutMs) — sent beside them, WordPress would run the
    // action's hooks twice for the same comments (as the outbox's rows, outbox/flush.ts).
    const until = (open.claimedAt ?? 0) + maxTimeoutMs;
    if (ctx.now() < until) return { until };
    await ctx.db.jobChunks.update([open.jobId, open.seq], { claimedAt: ctx.now() });
    if (cursor.route === 'bridge') {
      const items = open.ids.map((id, index) => ({ id, before: open.before[index] ?? '', preserve: undefined }));
      return { chunk: open, items, decided: [], cursor, resent: true, last: false };
    }
    const recovered = await recoverRestChunk(client, site, job.action, open.ids, open.before);
    return { chunk: open, items: recovered.items, decided: recovered.outcomes, cursor, resent: true, last: false };
  }
  const room = maxJobSize - cursor.claimed;
  if (room <= 0) return 'end';
  const bridge = bridgeOfSite(site);
  const selected = cursor.undo
    ? await nextUndoChunk(ctx, client, site, job, cursor)
    : cursor.route === 'bridge' && bridge
      ? await nextBridgeChunk(client, job, cursor, room, bridge.maxIds)
      : await nextRestChunk(client, site, job, cursor, room);
  if ('end' in selected) return 'end';
  const skipped = selected.skipped ?? 0;
  if (selected.items.length === 0) {
    // An undo chunk whose comments all moved since: counted, nothing to send.
    await ctx.db.jobs.update(job.id, {
      cursor: selected.cursor,
      progress: { ...job.progress, skipped: job.progress.skipped + skipped },
      updatedAt: ctx.now(),
    });
    return 'moved';
  }
  const chunk = await claimChunk(
    ctx,
    job.id,
    selected.cursor,
    selected.items.map((item) => item.id),
    selected.items.map((item) => item.before),
    skipped,
  );
  const after = {
    ...selected.cursor,
    nextSeq: selected.cursor.nextSeq + 1,
    claimed: selected.cursor.claimed + selected.items.length,
  };
  return {
    chunk,
    items: selected.items,
    decided: [],
    cursor: after,
    resent: false,
    last: 'last' in selected && selected.last === true,
  };
}
