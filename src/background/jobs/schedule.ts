/**
 * When jobs run: right after one starts or resumes, on the worker's start-up (a job the browser or
 * the worker left behind goes on), after a sign-in (a job paused for it resumes), and by an alarm
 * that survives the worker while any job runs (alarms fire 30 s apart at best; a shorter wait is a
 * timer while the worker lives).
 */
import { reportError } from '../../shared/report-error.ts';
import { updateBadges } from '../badge.ts';
import type { BackgroundContext } from '../context.ts';
import { syncAfterJobs } from '../sync/schedule.ts';
import { runJobs } from './run.ts';

export const jobsAlarm = 'freigabe:jobs';
const minimumAlarmDelayMs = 30_000;
let timer: ReturnType<typeof setTimeout> | undefined;

/** The earliest time a running job goes on (null: none runs). */
export async function nextJobAt(ctx: BackgroundContext): Promise<number | null> {
  const running = await ctx.db.jobs.where('state').equals('running').toArray();
  if (running.length === 0) return null;
  return Math.min(...running.map((job) => job.waitingUntil ?? ctx.now()));
}

export async function scheduleJobs(ctx: BackgroundContext): Promise<void> {
  const next = await nextJobAt(ctx);
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (next === null) {
    await ctx.browser.alarms.clear(jobsAlarm);
    return;
  }
  const delay = Math.max(0, next - ctx.now());
  if (delay < minimumAlarmDelayMs) timer = setTimeout(() => void runJobsAndReschedule(ctx), delay + 25);
  // Also while a run goes on: if this worker is stopped midway, the alarm starts the next one.
  await ctx.browser.alarms.create(jobsAlarm, { when: Math.max(next, ctx.now() + minimumAlarmDelayMs) });
}

/** Runs the jobs (unless a run is under way elsewhere), the badge following each chunk, then plans the next run. */
export async function runJobsAndReschedule(ctx: BackgroundContext): Promise<void> {
  const badges = async () => {
    try {
      await updateBadges(ctx);
    } catch (error) {
      reportError(error, { where: 'background: badge of a bulk job', silent: true });
    }
  };
  try {
    if ((await nextJobAt(ctx)) === null) return await scheduleJobs(ctx);
    await ctx.browser.alarms.create(jobsAlarm, { when: ctx.now() + minimumAlarmDelayMs });
    const started = ctx.now();
    const summary = await runJobs(ctx, { afterChunk: badges });
    if (summary.busy) return;
    await scheduleJobs(ctx);
    await badges();
    // The sync held back while a job moved the queue catches up now (ADR 022).
    await syncAfterJobs(ctx, started);
  } catch (error) {
    // The job rows are the truth: the alarm set above brings the next run.
    reportError(error, { where: 'background: bulk jobs' });
  }
}

/** A site signed in again: its jobs paused for the sign-in go on. */
export async function resumeAfterSignIn(ctx: BackgroundContext): Promise<number> {
  const signedIn = new Set(
    (await ctx.db.sites.toArray()).filter((site) => site.status !== 'needs-login').map((site) => site.id),
  );
  return ctx.db.jobs
    .where('state')
    .equals('paused')
    .filter((job) => job.waitReason === 'needs-login' && signedIn.has(job.siteId))
    .modify({ state: 'running', waitReason: null, waitingUntil: null, updatedAt: ctx.now() });
}
