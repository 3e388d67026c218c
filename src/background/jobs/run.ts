/**
 * Works the running jobs through, chunk by chunk, one runner at a time across the extension's
 * contexts (a Web Lock: a second worker, or the same one woken twice, finds it busy). Oldest job
 * first; a job that waits (backoff, Retry-After, offline) lets the next one go on. A run is bounded
 * in time, well inside the service worker's limits; the schedule (schedule.ts) starts the next.
 */
import type { BackgroundContext } from '../context.ts';
import { defaultLocks } from '../locks.ts';
import type { PoolTiming } from './rest-route.ts';
import { workOneChunk } from './step.ts';

export const jobsLockName = 'freigabe-jobs';

export interface RunLimits {
  /** a run stops starting chunks after this long */
  maxMs: number;
  /** a wait up to this long is sat out inside the run; longer ones end it (an alarm comes back) */
  maxSleepMs: number;
}

export const defaultRunLimits: RunLimits = { maxMs: 4 * 60_000, maxSleepMs: 20_000 };

export interface RunSummary {
  chunks: number;
  /** another context is running the jobs right now */
  busy?: true;
  /** called after each chunk (the badge) */
}

export function realTiming(ctx: BackgroundContext): PoolTiming {
  return { now: ctx.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))) };
}

export function runJobs(
  ctx: BackgroundContext,
  options: { limits?: RunLimits; timing?: PoolTiming; afterChunk?: () => Promise<void> } = {},
): Promise<RunSummary> {
  const limits = options.limits ?? defaultRunLimits;
  const timing = options.timing ?? realTiming(ctx);
  return (ctx.locks ?? defaultLocks()).ifAvailable(jobsLockName, () => work(ctx, limits, timing, options.afterChunk), {
    chunks: 0,
    busy: true,
  });
}

async function work(
  ctx: BackgroundContext,
  limits: RunLimits,
  timing: PoolTiming,
  afterChunk: (() => Promise<void>) | undefined,
): Promise<RunSummary> {
  const started = timing.now();
  const summary: RunSummary = { chunks: 0 };
  while (timing.now() - started < limits.maxMs) {
    const now = timing.now();
    const running = await ctx.db.jobs.where('state').equals('running').sortBy('id');
    const due = running.find((job) => job.waitingUntil === null || job.waitingUntil <= now);
    if (!due) {
      const soonest = Math.min(...running.map((job) => job.waitingUntil ?? now));
      if (running.length === 0 || soonest - now > limits.maxSleepMs) break;
      await timing.sleep(soonest - now);
      continue;
    }
    const result = await workOneChunk(ctx, due.id ?? 0, timing);
    if (result.kind === 'worked') summary.chunks += 1;
    await afterChunk?.();
  }
  return summary;
}
