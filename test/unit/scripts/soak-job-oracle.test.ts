/**
 * The soak's bulk-job oracle (scripts/soak/job-oracle.ts, pure): each comment of the jobs' post
 * changed as often as finished jobs say — once per "done", never for "skipped" or "failed", once or
 * not for a chunk claimed and never answered — and no job left running or paused.
 */
import { describe, expect, it } from 'vitest';
import { judgeJobs } from '../../../scripts/soak/job-oracle.ts';
import type { LedgerEntry } from '../../../scripts/wp/status-ledger.ts';
import type { JobChunkRow, JobRow } from '../../../src/shared/db/index.ts';

const editor = 2;
const job = (id: number, state: JobRow['state']): JobRow => ({
  id,
  siteId: 'site',
  filter: { status: 'hold', type: 'all', post: 9 },
  action: 'approve',
  state,
  waitingUntil: null,
  waitReason: null,
  progress: { total: 3, done: 0, skipped: 0, failed: 0, activeMs: 0 },
  failures: [],
  route: 'rest',
  createdAt: 0,
  updatedAt: 0,
  finishedAt: null,
  undoOf: null,
  undoneBy: null,
  cursor: null,
});
const chunk = (jobId: number, seq: number, ids: number[], outcomes: JobChunkRow['outcomes']): JobChunkRow => ({
  jobId,
  seq,
  state: outcomes ? 'answered' : 'claimed',
  ids,
  before: ids.map(() => 'hold'),
  outcomes,
});
let nextId = 1;
const change = (comment: number, user = editor): LedgerEntry => ({
  id: nextId++,
  comment,
  from: 'unapproved',
  to: 'approved',
  user,
  at: nextId,
});

describe('the soak’s bulk-job oracle', () => {
  it('finds nothing wrong when each comment changed once per done, not for skipped or failed', () => {
    const verdict = judgeJobs(
      [job(1, 'done'), job(2, 'cancelled')],
      [chunk(1, 0, [10, 11, 12], ['done', 'skipped', 'failed']), chunk(2, 0, [10, 13], null)],
      [change(10), change(13), change(11, 1)],
      editor,
    );
    expect(verdict).toMatchObject({ jobs: 2, done: 1, skipped: 1, failed: 1, doubled: [], lost: [], stuck: [] });
  });

  it('counts a comment changed twice for one done as doubled, and one never changed as lost', () => {
    const verdict = judgeJobs(
      [job(1, 'done')],
      [chunk(1, 0, [10, 11, 12], ['done', 'done', 'skipped'])],
      [change(10), change(10), change(12)],
      editor,
    );
    expect(verdict.doubled).toEqual([
      'comment 10: changed 2 times, jobs did it at most 1',
      'comment 12: changed 1 times, jobs did it at most 0',
    ]);
    expect(verdict.lost).toEqual(['comment 11: changed 0 times, jobs report 1 done']);
  });

  it('calls a job still running or paused at the end stuck', () => {
    const paused = { ...job(3, 'paused'), waitReason: 'needs-login' as const };
    expect(judgeJobs([job(1, 'running'), paused], [], [], editor).stuck).toEqual([
      'job 1 (approve): running',
      'job 3 (approve): paused, needs-login',
    ]);
  });
});
