/**
 * What the popup shows of a job (JobRow, written by the background): which controls it offers, its
 * progress, why it waits and what the user can do, and its report. Pure, tested without rendering.
 */
import type { JobRow } from '../../shared/db/index.ts';
import { type JobFailure, type JobWaitReason, jobRate } from '../../shared/jobs.ts';

export type JobControl = 'pause' | 'resume' | 'cancel';

export const isFinished = (job: JobRow): boolean => job.state === 'done' || job.state === 'cancelled';

export function controlsOf(job: JobRow): JobControl[] {
  if (job.state === 'running') return ['pause', 'cancel'];
  if (job.state === 'paused') return ['resume', 'cancel'];
  return [];
}

/** Undo where WordPress can reverse it: not after delete permanently, not twice, not an undo itself. */
export function canUndo(job: JobRow): boolean {
  return (
    isFinished(job) && job.action !== 'delete' && job.undoneBy === null && job.undoOf === null && job.progress.done > 0
  );
}

/** Comments handled so far (changed, skipped or refused). */
export const handledOf = (job: JobRow): number => job.progress.done + job.progress.skipped + job.progress.failed;

/** 0…1 for the progress bar. */
export function fractionOf(job: JobRow): number {
  if (job.progress.total === 0) return isFinished(job) ? 1 : 0;
  return Math.min(1, handledOf(job) / job.progress.total);
}

/** The rate and time left while it runs and moves (not while paused or waiting). */
export function rateOf(job: JobRow): ReturnType<typeof jobRate> {
  if (job.state !== 'running' || job.waitReason !== null) return null;
  return jobRate(job.progress);
}

/** Why it is not moving, and until when (null: until something changes). */
export function waitOf(job: JobRow, now: number): { reason: JobWaitReason; until: number | null } | null {
  if (job.waitReason === null || isFinished(job)) return null;
  const until = job.waitingUntil !== null && job.waitingUntil > now ? job.waitingUntil : null;
  return { reason: job.waitReason, until };
}

export interface FailureGroup {
  code: string;
  message: string;
  count: number;
  commentIds: number[];
}

/** WordPress's reasons, one line each with how many it refused for it, the commonest first. */
export function failureGroups(failures: readonly JobFailure[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const failure of failures) {
    const key = `${failure.code}\n${failure.message}`;
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      group.commentIds.push(failure.commentId);
    } else groups.set(key, { code: failure.code, message: failure.message, count: 1, commentIds: [failure.commentId] });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** Refusals the background counted but kept no reason for (it keeps the first 200). */
export const unlistedFailures = (job: JobRow): number => Math.max(0, job.progress.failed - job.failures.length);

/** A finished job's report stays until dismissed, for at most this long. */
export const reportKeptMs = 24 * 60 * 60 * 1000;

/** The jobs the strip shows: every unfinished one, and finished ones not dismissed yet; newest first. */
export function shownJobs(jobs: readonly JobRow[], dismissed: ReadonlySet<number>, now: number): JobRow[] {
  return jobs
    .filter(
      (job) =>
        !isFinished(job) || (!dismissed.has(job.id ?? -1) && (job.finishedAt ?? job.updatedAt) > now - reportKeptMs),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}
