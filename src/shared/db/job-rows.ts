/** The bulk jobs' rows in IndexedDB (ADR 022): the job, and the ledger of its chunks. */
import type { JobAction, JobFailure, JobFilter, JobProgress, JobRoute, JobState, JobWaitReason } from '../jobs.ts';

/**
 * A bulk job (shared/jobs.ts): a selection WordPress evaluates and an action, worked through by the
 * background in chunks, its position saved after each, so it survives the worker stopping, the
 * browser restarting and the site going offline. Only the background writes it; the popup shows it.
 */
export interface JobRow {
  /** auto-increment */
  id?: number;
  siteId: string;
  filter: JobFilter;
  action: JobAction;
  state: JobState;
  /** a running job that waits: until when (null: until something changes, e.g. the site is back) */
  waitingUntil: number | null;
  waitReason: JobWaitReason | null;
  progress: JobProgress;
  /** WordPress's reasons for the comments it refused (the first 200) */
  failures: JobFailure[];
  /** how the last chunk was sent */
  route: JobRoute | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** the job this one undoes (its id) */
  undoOf: number | null;
  /** the job that undid this one (its id) */
  undoneBy: number | null;
  /** the background's own bookmark (where the next chunk starts, what was claimed); the popup ignores it */
  cursor: unknown;
}

/**
 * One chunk of a job, as claimed before it is sent and as WordPress answered: the ledger that makes
 * every comment change exactly once across restarts, and what an undo reverses (the comments done,
 * from the status each had). Only a few hundred per job even at 100,000 comments.
 */
export interface JobChunkRow {
  jobId: number;
  /** the chunk's place in the job, from 0 */
  seq: number;
  /** claimed: about to be sent (a worker that dies here re-reads and sends what still matches) */
  state: 'claimed' | 'answered';
  /** the comments and the status each had when claimed */
  ids: number[];
  before: string[];
  /** per id, once answered: 'done' | 'skipped' | 'failed' */
  outcomes: ('done' | 'skipped' | 'failed')[] | null;
  /**
   * when its requests went out, while they may still be under way (unset once they ended without an
   * answer written, and in rows of builds before it): a stopped worker's chunk waits that out
   */
  claimedAt?: number;
}
