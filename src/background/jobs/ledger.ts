/**
 * The chunk ledger (ADR 022): a chunk is written as `claimed` — its ids and the status each had —
 * in the same transaction that moves the job's bookmark past it, before anything is sent; its
 * answer is written as `answered` in the same transaction as the job's progress and the cached
 * comments it changed. A worker that stops in between leaves a claimed chunk, which the next run
 * recovers (recover.ts) before it selects anything new: every comment is changed at most once.
 */
import type { JobChunkRow, JobRow } from '../../shared/db/index.ts';
import type { JobFailure } from '../../shared/jobs.ts';
import type { BackgroundContext } from '../context.ts';
import { outcomeOfDelete, ReputationChanges } from '../reputation.ts';
import type { JobCursor } from './cursor.ts';
import type { ItemOutcome } from './outcomes.ts';

/** The report keeps WordPress's reasons for the first this many comments it refused. */
export const maxFailuresKept = 200;

export async function claimedChunk(ctx: BackgroundContext, jobId: number): Promise<JobChunkRow | undefined> {
  return ctx.db.jobChunks
    .where('[jobId+seq]')
    .between([jobId, 0], [jobId, Number.MAX_SAFE_INTEGER])
    .filter((chunk) => chunk.state === 'claimed')
    .first();
}

/** Writes the claim and the job's new bookmark together; answers the chunk. */
export async function claimChunk(
  ctx: BackgroundContext,
  jobId: number,
  cursor: JobCursor,
  ids: number[],
  before: string[],
  /** comments of this chunk's selection counted as skipped without being claimed (undo: moved since) */
  skipped = 0,
): Promise<JobChunkRow> {
  const chunk: JobChunkRow = {
    jobId,
    seq: cursor.nextSeq,
    state: 'claimed',
    ids,
    before,
    outcomes: null,
    claimedAt: ctx.now(),
  };
  const next: JobCursor = { ...cursor, nextSeq: cursor.nextSeq + 1, claimed: cursor.claimed + ids.length };
  await ctx.db.transaction('rw', ctx.db.jobs, ctx.db.jobChunks, async () => {
    await ctx.db.jobChunks.put(chunk);
    const job = await ctx.db.jobs.get(jobId);
    const progress = job && skipped > 0 ? { ...job.progress, skipped: job.progress.skipped + skipped } : undefined;
    await ctx.db.jobs.update(jobId, { cursor: next, updatedAt: ctx.now(), ...(progress ? { progress } : {}) });
  });
  return chunk;
}

/**
 * The comments of this site a job must leave alone: those with a decision of the user's own that is
 * not sent yet, or that was made after the job started. The user's own later decision wins — the
 * job skips the comment, the outbox sends the decision.
 */
export async function ownDecisions(
  ctx: BackgroundContext,
  siteId: string,
  ids: readonly number[],
  since: number,
): Promise<Set<number>> {
  const rows = await ctx.db.outbox
    .where('[siteId+commentId]')
    .anyOf(ids.map((id) => [siteId, id]))
    .toArray();
  return new Set(rows.filter((row) => row.state !== 'done' || row.createdAt >= since).map((row) => row.commentId));
}

/** Writes a chunk's answer, the job's progress and the cached comments it changed, in one transaction. */
export async function answerChunk(
  ctx: BackgroundContext,
  job: JobRow & { id: number },
  chunk: JobChunkRow,
  outcomes: ReadonlyMap<number, ItemOutcome>,
  changes: {
    cursor: JobCursor;
    activeMs: number;
    route: JobRow['route'];
    /**
     * Comments of the chunk never sent (the job was paused while it was out): claimed again as a chunk
     * of their own in the same transaction, taken up on resume like one a stopped worker left.
     */
    unsent?: { ids: number[]; before: string[] };
  },
): Promise<void> {
  const { db } = ctx;
  const results = chunk.ids.map((id) => outcomes.get(id)?.result ?? 'skipped');
  const unsent = changes.unsent?.ids.length ? changes.unsent : null;
  const cursor = unsent ? { ...changes.cursor, nextSeq: changes.cursor.nextSeq + 1 } : changes.cursor;
  await db.transaction('rw', [db.jobs, db.jobChunks, db.comments, db.reputation], async () => {
    const current = await db.jobs.get(job.id);
    if (!current) return;
    await db.jobChunks.put({ ...chunk, state: 'answered', outcomes: results });
    // Never sent: no request of it can be under way (no claim time, so nothing waits for one).
    if (unsent)
      await db.jobChunks.put({
        jobId: job.id,
        seq: changes.cursor.nextSeq,
        state: 'claimed',
        ids: unsent.ids,
        before: unsent.before,
        outcomes: null,
      });
    const progress = { ...current.progress, activeMs: current.progress.activeMs + changes.activeMs };
    const failures: JobFailure[] = [...current.failures];
    for (const outcome of outcomes.values()) {
      progress[outcome.result] += 1;
      if (outcome.result === 'failed' && failures.length < maxFailuresKept) {
        failures.push({ commentId: outcome.id, code: outcome.code ?? 'failed', message: outcome.message ?? '' });
      }
    }
    // The state stays as it is now: the user may have paused or cancelled while the chunk was out.
    await db.jobs.update(job.id, {
      progress,
      failures,
      cursor,
      route: changes.route,
      waitingUntil: null,
      waitReason: null,
      updatedAt: ctx.now(),
    });
    await updateCache(
      ctx,
      job.siteId,
      [...outcomes.values()].filter((outcome) => outcome.result === 'done'),
    );
  });
}

/** Only comments already cached are changed: a job over 100,000 never fills the cache. */
async function updateCache(ctx: BackgroundContext, siteId: string, done: ItemOutcome[]): Promise<void> {
  if (done.length === 0) return;
  const keys = done.map((outcome) => [siteId, outcome.id] as [string, number]);
  const cached = await ctx.db.comments.bulkGet(keys);
  const reputation = new ReputationChanges(siteId);
  const deleted: [string, number][] = [];
  const updated = [];
  for (const [index, row] of cached.entries()) {
    const status = done[index]?.status;
    if (!row || status === null || status === undefined) continue;
    if (status === 'deleted') {
      deleted.push([siteId, row.id]);
      reputation.set(row, outcomeOfDelete(row.status));
    } else if (row.status !== status) {
      updated.push({ ...row, status });
      reputation.follow({ ...row, status });
    }
  }
  if (updated.length > 0) await ctx.db.comments.bulkPut(updated);
  if (deleted.length > 0) await ctx.db.comments.bulkDelete(deleted);
  await reputation.apply(ctx.db, ctx.now());
}
