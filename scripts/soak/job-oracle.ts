/**
 * The soak's oracle for bulk jobs, pure: every comment of the jobs' post changed by the user's
 * account exactly as often as finished jobs say they changed it — once per job that reports it
 * done, never for one reported skipped or failed; a chunk claimed but never answered (its job
 * cancelled meanwhile) may have changed it once or not. Every job ends done or cancelled.
 */
import type { JobChunkRow, JobRow } from '../../src/shared/db/index.ts';
import type { LedgerEntry } from '../wp/status-ledger.ts';

export interface JobVerdict {
  jobs: number;
  /** per outcome, over all jobs' chunks */
  done: number;
  skipped: number;
  failed: number;
  /** a comment the user's account changed more often than the jobs say */
  doubled: string[];
  /** a comment a job says it changed that WordPress did not change */
  lost: string[];
  /** a job still running or paused once everything settled */
  stuck: string[];
}

export function judgeJobs(
  jobs: readonly JobRow[],
  chunks: readonly JobChunkRow[],
  /** the status ledger's entries for the jobs' post's comments */
  entries: readonly LedgerEntry[],
  editor: number,
): JobVerdict {
  const verdict: JobVerdict = { jobs: jobs.length, done: 0, skipped: 0, failed: 0, doubled: [], lost: [], stuck: [] };
  const ours = new Set(jobs.map((job) => job.id));
  const least = new Map<number, number>();
  const most = new Map<number, number>();
  const add = (map: Map<number, number>, id: number) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const chunk of chunks) {
    if (!ours.has(chunk.jobId)) continue;
    chunk.ids.forEach((id, index) => {
      const outcome = chunk.outcomes?.[index];
      if (outcome === undefined) add(most, id);
      else verdict[outcome] += 1;
      if (outcome === 'done') {
        add(least, id);
        add(most, id);
      }
    });
  }
  const changes = new Map<number, number>();
  for (const entry of entries) if (entry.user === editor) add(changes, entry.comment);
  for (const id of new Set([...most.keys(), ...changes.keys()])) {
    const changed = changes.get(id) ?? 0;
    if (changed > (most.get(id) ?? 0))
      verdict.doubled.push(`comment ${id}: changed ${changed} times, jobs did it at most ${most.get(id) ?? 0}`);
    else if (changed < (least.get(id) ?? 0))
      verdict.lost.push(`comment ${id}: changed ${changed} times, jobs report ${least.get(id)} done`);
  }
  for (const job of jobs)
    if (job.state === 'running' || job.state === 'paused')
      verdict.stuck.push(`job ${job.id} (${job.action}): ${job.state}${job.waitReason ? `, ${job.waitReason}` : ''}`);
  return verdict;
}
