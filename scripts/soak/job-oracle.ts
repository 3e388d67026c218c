/**
 * The soak's oracle for bulk jobs, pure: every comment of the jobs' post changed by the user's
 * account exactly as often as finished jobs say they changed it — once per job that reports it
 * done (or the other moderator's change put it there first), never for one reported skipped or
 * failed; a chunk claimed but never answered (its job cancelled meanwhile) may have changed it once or not. Every job ends done or cancelled, and its
 * progress says what its chunks say. An undo job (issue 12) brought every comment the undone job
 * changed back to the status it had — unless someone else moved it after the job — and its report
 * adds up to the comments that job left (undoneWrong, undoReportWrong).
 */
import type { JobChunkRow, JobRow } from '../../src/shared/db/index.ts';
import { reverseJobAction } from '../../src/shared/jobs.ts';
import type { CommentStatus } from '../../src/shared/moderation.ts';
import { maxTimeoutMs } from '../../src/shared/wp/transport.ts';
import type { LedgerEntry } from '../wp/status-ledger.ts';
import { restStatus } from './oracle.ts';

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
  /** undo jobs, and the comments they brought back */
  undos: number;
  undoneComments: number;
  /** comments an undo left where the other moderator had moved them after the job */
  undoLeftToModerator: number;
  /** comments a chunk sent again reported skipped (the colleague had moved them) that its first request may have changed */
  skippedAfterColleague: number;
  /** a comment an undo job says it brought back that WordPress did not, or one it left though nobody else moved it */
  undoneWrong: string[];
  /** a job's progress that is not what its chunks say, or an undo's that does not add up to what its job left */
  reportWrong: string[];
}

export function judgeJobs(
  jobs: readonly JobRow[],
  chunks: readonly JobChunkRow[],
  /** the status ledger's entries for the jobs' post's comments */
  entries: readonly LedgerEntry[],
  editor: number,
): JobVerdict {
  const verdict: JobVerdict = {
    jobs: jobs.length,
    done: 0,
    skipped: 0,
    failed: 0,
    doubled: [],
    lost: [],
    stuck: [],
    undos: 0,
    undoneComments: 0,
    undoLeftToModerator: 0,
    skippedAfterColleague: 0,
    undoneWrong: [],
    reportWrong: [],
  };
  const ours = new Set(jobs.map((job) => job.id));
  const least = new Map<number, number>();
  const most = new Map<number, number>();
  const skippedOf = new Map<number, number>();
  const add = (map: Map<number, number>, id: number) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const chunk of chunks) {
    if (!ours.has(chunk.jobId)) continue;
    chunk.ids.forEach((id, index) => {
      const outcome = chunk.outcomes?.[index];
      if (outcome === undefined) add(most, id);
      else verdict[outcome] += 1;
      if (outcome === 'skipped') add(skippedOf, id);
      if (outcome === 'done') {
        add(least, id);
        add(most, id);
      }
    });
  }
  const changes = new Map<number, number>();
  // A colleague who put a comment where a job was taking it makes the job's request a no-op that WordPress
  // answers as done (REST has no compare-and-set): each such change may stand for one done.
  const byOthers = new Map<number, number>();
  for (const entry of entries) add(entry.user === editor ? changes : byOthers, entry.comment);
  for (const id of new Set([...most.keys(), ...changes.keys()])) {
    const changed = changes.get(id) ?? 0;
    const skipped = skippedOf.get(id) ?? 0;
    const withSkips = changed > (most.get(id) ?? 0) && changed <= (most.get(id) ?? 0) + skipped;
    // More changes than dones, as many as dones and skips, and the other moderator moved it too: a chunk
    // sent again (its first answer never written: a pause, a stopped worker, a lost answer) finds the
    // comment where the colleague put it and reports it skipped — though the first request may have
    // changed it before the colleague did (seed 920731, job 9: spam at 480 s, the colleague's Trash at
    // 568 s, the chunk sent again on resume at 685 s). True either way: someone else moved it.
    if (withSkips && (byOthers.get(id) ?? 0) > 0) verdict.skippedAfterColleague += 1;
    // Without the colleague: the job told the user it left alone a comment it changed — a wrong report.
    else if (withSkips)
      verdict.reportWrong.push(
        `comment ${id}: changed ${changed} times, jobs report ${most.get(id) ?? 0} done and ${skipped} skipped`,
      );
    else if (changed > (most.get(id) ?? 0))
      verdict.doubled.push(`comment ${id}: changed ${changed} times, jobs did it at most ${most.get(id) ?? 0}`);
    else if (changed + (byOthers.get(id) ?? 0) < (least.get(id) ?? 0))
      verdict.lost.push(`comment ${id}: changed ${changed} times, jobs report ${least.get(id)} done`);
  }
  for (const job of jobs)
    if (job.state === 'running' || job.state === 'paused')
      verdict.stuck.push(`job ${job.id} (${job.action}): ${job.state}${job.waitReason ? `, ${job.waitReason}` : ''}`);
  for (const job of jobs) {
    const own = chunks.filter((chunk) => chunk.jobId === job.id);
    for (const result of ['done', 'failed'] as const) {
      const counted = own.reduce(
        (sum, chunk) => sum + (chunk.outcomes?.filter((one) => one === result).length ?? 0),
        0,
      );
      if (counted !== job.progress[result])
        verdict.reportWrong.push(
          `job ${job.id}: progress says ${result} ${job.progress[result]}, its chunks ${counted}`,
        );
    }
  }
  const byId = new Map(jobs.map((job) => [job.id, job]));
  for (const undo of jobs) {
    const undone = undo.undoOf === null ? undefined : byId.get(undo.undoOf);
    if (undone) judgeUndo(undone, undo, chunks, entries, editor, verdict);
  }
  return verdict;
}

/** A job's comments and the status each had before it, with what the job said of each (undefined: claimed, never answered). */
function changedBy(job: JobRow, chunks: readonly JobChunkRow[]) {
  return chunks
    .filter((chunk) => chunk.jobId === job.id)
    .flatMap((chunk) =>
      chunk.ids.map((id, index) => ({ id, before: chunk.before[index] ?? '', outcome: chunk.outcomes?.[index] })),
    );
}

/**
 * An undo job against the server's record: each comment it reports done went back (by the user's
 * account, while it ran) to the status it had before the undone job; each the undone job changed
 * that it did not bring back was moved by someone else after that job (or WordPress refused the
 * undo: counted failed). Its report adds up: done is how many WordPress moved back, and every
 * skipped one was moved by someone else or never answered to the undone job (a finished job
 * counts whatever it did not handle as skipped: job-state.ts).
 */
function judgeUndo(
  job: JobRow,
  undo: JobRow,
  chunks: readonly JobChunkRow[],
  entries: readonly LedgerEntry[],
  editor: number,
  verdict: JobVerdict,
) {
  verdict.undos += 1;
  const name = `undo job ${undo.id} of job ${job.id} (${job.action})`;
  // Answers of a cancelled undo's last chunk may land up to the client's timeout after it was cancelled.
  const until = (undo.finishedAt ?? Number.POSITIVE_INFINITY) + (undo.state === 'cancelled' ? maxTimeoutMs : 0) + 1000;
  const during = (entry: LedgerEntry, from: number) => entry.at * 1000 >= from - 1000 && entry.at * 1000 <= until;
  const undoOutcome = new Map(changedBy(undo, chunks).map((item) => [item.id, item.outcome]));
  const left = changedBy(job, chunks).filter(
    (item) =>
      (item.outcome === 'done' || item.outcome === undefined) &&
      reverseJobAction(job.action, item.before as CommentStatus) === undo.action,
  );
  let back = 0;
  let movedElsewhere = 0;
  for (const item of left) {
    const outcome = undoOutcome.get(item.id);
    const mine = entries.filter((entry) => entry.comment === item.id);
    const wentBack = mine.some(
      (entry) => entry.user === editor && during(entry, undo.createdAt) && restStatus(entry.to) === item.before,
    );
    const moved = mine.some((entry) => entry.user !== editor && during(entry, job.createdAt));
    // The colleague put it back where the undo leads: WordPress answers the undo's compare-and-set with a
    // conflict already there, which a chunk sent again after a stopped worker counts done — it cannot tell
    // that move from its own lost request's (jobs/bridge-route.ts). Back, then, though not by the undo.
    const putBackByOther =
      outcome === 'done' &&
      mine.some(
        (entry) => entry.user !== editor && during(entry, job.createdAt) && restStatus(entry.to) === item.before,
      );
    back += wentBack || putBackByOther ? 1 : 0;
    movedElsewhere += moved && item.outcome === 'done' ? 1 : 0;
    if (outcome === 'done') {
      verdict.undoneComments += 1;
      if (!wentBack && !putBackByOther)
        verdict.undoneWrong.push(`${name}: comment ${item.id} reported back in ${item.before}, never moved there`);
      continue;
    }
    // Not brought back: fine for a comment the job never answered (it may not have changed it), one
    // WordPress refused, and under a cancelled undo; else someone else must have moved it since the job.
    if (item.outcome === undefined || outcome === 'failed' || undo.state !== 'done') continue;
    if (moved) verdict.undoLeftToModerator += 1;
    else verdict.undoneWrong.push(`${name}: comment ${item.id} left where the job put it, though nobody else moved it`);
  }
  if (undo.state !== 'done') return;
  const { done, skipped } = undo.progress;
  const unanswered = left.filter((item) => item.outcome === undefined).length;
  if (done !== back) verdict.reportWrong.push(`${name}: reports ${done} done, WordPress moved ${back} back`);
  if (skipped > movedElsewhere + unanswered)
    verdict.reportWrong.push(
      `${name}: reports ${skipped} skipped, though only ${movedElsewhere} were moved by someone else${unanswered > 0 ? ` and ${unanswered} never answered to the job` : ''}`,
    );
}
