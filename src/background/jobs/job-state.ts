/**
 * A job's state changes the runner makes: finished, waiting (offline, backoff, rate-limited, behind
 * a firewall), paused for a sign-in. Each checks the job is still running first — the user may have
 * paused or cancelled it while a chunk was out — and never touches the progress counts except to
 * close them: a finished job has handled exactly its total.
 */
import type { JobRow } from '../../shared/db/index.ts';
import type { JobWaitReason } from '../../shared/jobs.ts';
import type { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';
import { nextAttemptAt } from '../outbox/backoff.ts';
import { blockedRetryFloorMs } from '../outbox/outcome.ts';
import { blockedSite, markBlocked, markUnreachable, unreachable } from '../sites/reachability.ts';
import type { JobCursor } from './cursor.ts';

async function updateIfRunning(ctx: BackgroundContext, jobId: number, change: (job: JobRow) => Partial<JobRow>) {
  await ctx.db.transaction('rw', ctx.db.jobs, async () => {
    const job = await ctx.db.jobs.get(jobId);
    if (job?.state === 'running') await ctx.db.jobs.update(jobId, { ...change(job), updatedAt: ctx.now() });
  });
}

/** Nothing left that matched when the job started: whatever was not handled had left the filter (skipped). */
export function finishJob(ctx: BackgroundContext, jobId: number, cursor: JobCursor, activeMs: number) {
  return updateIfRunning(ctx, jobId, (job) => {
    const progress = { ...job.progress, activeMs: job.progress.activeMs + activeMs };
    const handled = progress.done + progress.skipped + progress.failed;
    if (handled < progress.total) progress.skipped += progress.total - handled;
    else progress.total = handled;
    return { state: 'done', progress, cursor, finishedAt: ctx.now(), waitingUntil: null, waitReason: null };
  });
}

/** The site is gone (disconnected): nothing more can be sent. */
export function cancelJob(ctx: BackgroundContext, jobId: number) {
  return updateIfRunning(ctx, jobId, () => ({
    state: 'cancelled',
    finishedAt: ctx.now(),
    waitingUntil: null,
    waitReason: null,
  }));
}

/** The sign-in failed: the job pauses until the user signs in again (then it resumes by itself). */
export async function pauseForSignIn(ctx: BackgroundContext, jobId: number, siteId: string, message: string | null) {
  await updateIfRunning(ctx, jobId, () => ({ state: 'paused', waitingUntil: null, waitReason: 'needs-login' }));
  if (message !== null) {
    await ctx.db.sites
      .where('id')
      .equals(siteId)
      .filter((site) => site.status !== 'needs-login')
      .modify({ status: 'needs-login', statusMessage: message });
  }
}

/** Why and until when a job waits after `error` (auth is handled apart: it pauses). */
export function waitAfter(
  error: WpError,
  attempts: number,
  now: number,
  random: () => number,
): { reason: JobWaitReason; until: number } {
  const until = nextAttemptAt(now, attempts, error.retryAfterMs, random);
  if (error.kind === 'blocked') return { reason: 'blocked', until: Math.max(until, now + blockedRetryFloorMs) };
  if (unreachable(error) !== null) return { reason: 'offline', until };
  if (error.status === 429) return { reason: 'rate-limited', until };
  return { reason: 'backoff', until };
}

/** The job waits (the chunk it claimed stays claimed, and is recovered when it goes on). */
/** The job goes on at `until`: a chunk a stopped worker left may still be on the wire until then (step.ts). */
export async function waitForClaim(ctx: BackgroundContext, jobId: number, until: number): Promise<void> {
  await updateIfRunning(ctx, jobId, () => ({ waitingUntil: until }));
}

export async function waitJob(
  ctx: BackgroundContext,
  job: JobRow & { id: number },
  error: WpError,
  cursor: JobCursor,
  activeMs: number,
): Promise<number> {
  const attempts = cursor.attempts + 1;
  const { reason, until } = waitAfter(error, attempts, ctx.now(), ctx.random);
  await updateIfRunning(ctx, job.id, (current) => ({
    waitingUntil: until,
    waitReason: reason,
    cursor: { ...cursor, attempts },
    progress: { ...current.progress, activeMs: current.progress.activeMs + activeMs },
  }));
  const offline = unreachable(error);
  if (offline !== null) await markUnreachable(ctx, job.siteId, offline);
  const blocked = blockedSite(error);
  if (blocked !== null) await markBlocked(ctx, job.siteId, blocked);
  return until;
}
