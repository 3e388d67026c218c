/**
 * WordPress's answers to sent decisions, written into the outbox and the cache (the flush's other
 * half: flush.ts sends, this writes what came back).
 */
import type { OutboxRow } from '../../shared/db/index.ts';
import type { WpComment } from '../../shared/wp/schemas.ts';
import type { BackgroundContext } from '../context.ts';
import { ReputationChanges } from '../reputation.ts';
import { toCommentRow } from '../sync/cache-write.ts';

/** What WordPress made of a sent decision, for the cache. */
export interface Sent {
  status: string | null;
  /** an edited comment or a new reply, as WordPress now has it */
  comment?: WpComment;
}

/**
 * Writes WordPress's answers into the outbox and the cache: the first at once, and everything
 * answered while a write runs in the next one, as one transaction. Under load (a moderator's
 * decisions arriving while others are on the wire) that is a few transactions instead of one per
 * decision, each of which the decisions' own transactions would queue behind. An answer is
 * settled once its write is done; a worker stopped before that sends it again (idempotent).
 */
export function answerWriter(ctx: BackgroundContext): (row: OutboxRow, sent: Sent) => Promise<void> {
  const { db } = ctx;
  let queued: { row: OutboxRow; sent: Sent; done: () => void; failed: (error: unknown) => void }[] = [];
  let writing = false;
  const writeQueued = async () => {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        await db.transaction('rw', db.outbox, db.comments, db.reputation, async () => {
          const reputations = new Map<string, ReputationChanges>();
          for (const { row, sent } of batch) {
            let reputation = reputations.get(row.siteId);
            if (!reputation) {
              reputation = new ReputationChanges(row.siteId);
              reputations.set(row.siteId, reputation);
            }
            await writeOne(ctx, row, sent, reputation);
          }
          for (const reputation of reputations.values()) await reputation.apply(db, ctx.now());
        });
        for (const answer of batch) answer.done();
      } catch (error) {
        for (const answer of batch) answer.failed(error);
      }
    }
    writing = false;
  };
  return (row, sent) =>
    new Promise<void>((done, failed) => {
      queued.push({ row, sent, done, failed });
      if (!writing) {
        writing = true;
        void writeQueued();
      }
    });
}

/** One answer, inside the writer's transaction. */
async function writeOne(ctx: BackgroundContext, row: OutboxRow, sent: Sent, reputation: ReputationChanges) {
  const resultId = row.decision === 'reply' ? (sent.comment?.id ?? null) : null;
  await ctx.db.outbox.update(row.id ?? 0, {
    state: 'done',
    sentAt: ctx.now(),
    error: null,
    resultId,
    resultStatus: sent.status,
  });
  // WordPress's answer is the truth now (unspam may restore "approved", not "hold").
  if (sent.status !== null) {
    await ctx.db.comments.update([row.siteId, row.commentId], { status: sent.status });
    const updated = await ctx.db.comments.get([row.siteId, row.commentId]);
    if (updated) reputation.follow(updated);
  }
  if (sent.comment) {
    const written = toCommentRow(row.siteId, sent.comment, ctx.now());
    await ctx.db.comments.put(written);
    reputation.follow(written);
  }
}
