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
      [chunk(1, 0, [10, 11, 12], ['done', 'done', 'done'])],
      [change(10), change(10), change(12), change(13)],
      editor,
    );
    expect(verdict.doubled).toEqual([
      'comment 10: changed 2 times, jobs did it at most 1',
      'comment 13: changed 1 times, jobs did it at most 0',
    ]);
    expect(verdict.lost).toEqual(['comment 11: changed 0 times, jobs report 1 done']);
  });

  it('tells a change a job reported as skipped apart from a change made twice', () => {
    // Seed 920731, comments 1744 and 1832 (Bridge, five jobs on them): changed five times, four dones
    // and a skip — the last job's chunk, sent again on resume, found them where the colleague had put them.
    const jobs = [1, 2, 3, 4, 5].map((id) => job(id, 'done'));
    const chunks = [1, 2, 3, 4, 5].map((id) => chunk(id, 0, [1744], [id === 5 ? 'skipped' : 'done']));
    const five = [1, 2, 3, 4, 5].map(() => change(1744));
    const comments = (verdict: ReturnType<typeof judgeJobs>) =>
      verdict.reportWrong.filter((line) => line.startsWith('comment'));
    const withColleague = judgeJobs(jobs, chunks, [...five, change(1744, 1)], editor);
    expect([withColleague.doubled, comments(withColleague), withColleague.skippedAfterColleague]).toEqual([[], [], 1]);
    // Nobody else moved it: the skip was a wrong report.
    const alone = judgeJobs(jobs, chunks, five, editor);
    expect([alone.doubled, comments(alone)]).toEqual([
      [],
      ['comment 1744: changed 5 times, jobs report 4 done and 1 skipped'],
    ]);
    expect(judgeJobs(jobs, chunks, [...five, change(1744)], editor).doubled).toEqual([
      'comment 1744: changed 6 times, jobs did it at most 4',
    ]);
  });

  it('takes a done the other moderator made a no-op (they had put the comment there first) as no loss', () => {
    // Seed 604411, comment 370 (no Bridge, the colleague on the jobs' post): four jobs report it done, three changed it.
    const chunks = [1, 2, 3, 4].map((id) => chunk(id, 0, [370], ['done']));
    const jobs = [1, 2, 3, 4].map((id) => job(id, 'done'));
    const three = [change(370), change(370), change(370)];
    expect(judgeJobs(jobs, chunks, [...three, change(370, 1)], editor).lost).toEqual([]);
    expect(judgeJobs(jobs, chunks, three, editor).lost).toEqual(['comment 370: changed 3 times, jobs report 4 done']);
  });

  it('calls a job still running or paused at the end stuck', () => {
    const paused = { ...job(3, 'paused'), waitReason: 'needs-login' as const };
    expect(judgeJobs([job(1, 'running'), paused], [], [], editor).stuck).toEqual([
      'job 1 (approve): running',
      'job 3 (approve): paused, needs-login',
    ]);
  });
});

describe('the soak’s bulk-job oracle on an undo', () => {
  const admin = 1;
  // Job 1 approved 10, 11, 12 (pending) from second 100 to 110; its undo, job 2, ran from second 200 to 210.
  const approved = {
    ...job(1, 'done'),
    createdAt: 100_000,
    finishedAt: 110_000,
    undoneBy: 2,
    progress: { total: 3, done: 3, skipped: 0, failed: 0, activeMs: 0 },
  };
  const undo = (progress: Partial<JobRow['progress']>, state: JobRow['state'] = 'done'): JobRow => ({
    ...job(2, state),
    action: 'unapprove',
    createdAt: 200_000,
    finishedAt: 210_000,
    undoOf: 1,
    progress: { total: 3, done: 0, skipped: 0, failed: 0, activeMs: 0, ...progress },
  });
  const at = (comment: number, from: string, to: string, seconds: number, user = editor): LedgerEntry => ({
    id: nextId++,
    comment,
    from,
    to,
    user,
    at: seconds,
  });
  const approvals = [at(10, 'unapproved', 'approved', 101), at(11, 'unapproved', 'approved', 102)];
  // 10 and 11 back by the undo; 12 spammed by the colleague in between (the undo leaves it).
  const entries = [
    ...approvals,
    at(12, 'unapproved', 'approved', 103),
    at(12, 'approved', 'spam', 150, admin),
    at(10, 'approved', 'unapproved', 201),
    at(11, 'approved', 'unapproved', 202),
  ];
  const chunks = [
    chunk(1, 0, [10, 11, 12], ['done', 'done', 'done']),
    { ...chunk(2, 0, [10, 11], ['done', 'done']), before: ['approved', 'approved'] },
  ];

  it('finds every comment back where it was, or explained by the other moderator, and a report that adds up', () => {
    const verdict = judgeJobs([approved, undo({ done: 2, skipped: 1 })], chunks, entries, editor);
    expect(verdict).toMatchObject({ undos: 1, undoneComments: 2, undoLeftToModerator: 1 });
    expect([verdict.undoneWrong, verdict.reportWrong, verdict.doubled, verdict.lost]).toEqual([[], [], [], []]);
  });

  it('calls a comment the undo reports back but WordPress never moved, or one left though nobody moved it, wrong', () => {
    const unmoved = [...approvals, at(12, 'unapproved', 'approved', 103), at(10, 'approved', 'unapproved', 201)];
    const verdict = judgeJobs([approved, undo({ done: 2, skipped: 1 })], chunks, unmoved, editor);
    expect(verdict.undoneWrong).toEqual([
      'undo job 2 of job 1 (approve): comment 11 reported back in hold, never moved there',
      'undo job 2 of job 1 (approve): comment 12 left where the job put it, though nobody else moved it',
    ]);
    // An earlier move back (before the undo ran) is not the undo's.
    const earlier = [...approvals, at(11, 'approved', 'unapproved', 104), at(10, 'approved', 'unapproved', 201)];
    const cancelled = judgeJobs([approved, undo({ done: 2 }, 'cancelled')], chunks, earlier, editor);
    expect(cancelled.undoneWrong).toEqual([
      'undo job 2 of job 1 (approve): comment 11 reported back in hold, never moved there',
    ]);
  });

  it('takes an undo’s done for a comment the colleague had put back where the undo leads as no wrong', () => {
    // 11 is put back in hold by the colleague after the job; the undo's chunk, sent again after a stopped
    // worker, gets WordPress's conflict already in hold and counts it done.
    const byColleague = [
      ...approvals,
      at(12, 'unapproved', 'approved', 103),
      at(12, 'approved', 'spam', 150, admin),
      at(11, 'approved', 'unapproved', 160, admin),
      at(10, 'approved', 'unapproved', 201),
    ];
    const verdict = judgeJobs([approved, undo({ done: 2, skipped: 1 })], chunks, byColleague, editor);
    expect([verdict.undoneWrong, verdict.reportWrong]).toEqual([[], []]);
  });

  it('checks the report: progress against the chunks, done against WordPress, skipped against the colleague', () => {
    expect(judgeJobs([approved, undo({ done: 2, skipped: 1 })], chunks, entries, editor).reportWrong).toEqual([]);
    const tooMany = judgeJobs([approved, undo({ done: 3 })], chunks, entries, editor);
    expect(tooMany.reportWrong).toContain('undo job 2 of job 1 (approve): reports 3 done, WordPress moved 2 back');
    // Nothing taken back, everything counted skipped (a finished job closes its counts so): nobody moved them.
    const unmoved = approvals.concat(at(12, 'unapproved', 'approved', 103));
    const nothing = judgeJobs([approved, undo({ skipped: 3 })], [chunks[0] as JobChunkRow], unmoved, editor);
    expect(nothing.reportWrong).toEqual([
      'undo job 2 of job 1 (approve): reports 3 skipped, though only 0 were moved by someone else',
    ]);
    const miscounted = judgeJobs([approved, undo({ done: 1, skipped: 2 })], chunks, entries, editor);
    expect(miscounted.reportWrong).toContain('job 2: progress says done 1, its chunks 2');
  });
});
