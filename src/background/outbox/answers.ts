/**
 * WordPress's answers to sent decisions, written into the outbox and the cache (the flush's other
 * half: flush.ts sends, this writes what came back).
 */
import type { CommentRow, OutboxRow } from '../../shared/db/index.ts';
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
 * A batch of answers, inside the writer's transaction (writer.ts, over the outbox, the comments and
 * the reputation): the rows read and written in bulk (a few requests to IndexedDB for the whole
 * batch, not several per answer — each one a round trip to the browser process in the service
 * worker), in the order the answers came.
 */
export async function writeAnswers(
  ctx: BackgroundContext,
  batch: readonly { row: OutboxRow; sent: Sent }[],
): Promise<void> {
  const { db } = ctx;
  const now = ctx.now();
  const stored = await db.outbox.bulkGet(batch.map(({ row }) => row.id ?? 0));
  const commentKey = (siteId: string, id: number) => `${siteId}\n${id}`;
  const changedStatus = batch.filter(({ sent }) => sent.status !== null);
  const comments = new Map<string, CommentRow>();
  for (const cached of await db.comments.bulkGet(
    changedStatus.map(({ row }) => [row.siteId, row.commentId] as [string, number]),
  )) {
    if (cached) comments.set(commentKey(cached.siteId, cached.id), cached);
  }
  const outboxWrites: OutboxRow[] = [];
  const commentWrites = new Map<string, CommentRow>();
  const reputations = new Map<string, ReputationChanges>();
  const write = (comment: CommentRow) => {
    const key = commentKey(comment.siteId, comment.id);
    comments.set(key, comment);
    commentWrites.set(key, comment);
    const reputation = reputations.get(comment.siteId) ?? new ReputationChanges(comment.siteId);
    reputations.set(comment.siteId, reputation.follow(comment));
  };
  batch.forEach(({ row, sent }, index) => {
    const current = stored[index];
    const resultId = row.decision === 'reply' ? (sent.comment?.id ?? null) : null;
    if (current)
      outboxWrites.push({ ...current, state: 'done', sentAt: now, error: null, resultId, resultStatus: sent.status });
    // WordPress's answer is the truth now (unspam may restore "approved", not "hold").
    const cached = comments.get(commentKey(row.siteId, row.commentId));
    // Written only when it changes it (a write would make the open popup read again). Unchanged, its
    // reputation is what the comment's last writer (the decision) said: not read again for nothing.
    if (sent.status !== null && cached && cached.status !== sent.status) write({ ...cached, status: sent.status });
    if (sent.comment) write(toCommentRow(row.siteId, sent.comment, now));
  });
  await db.outbox.bulkPut(outboxWrites);
  await db.comments.bulkPut([...commentWrites.values()]);
  for (const reputation of reputations.values()) await reputation.apply(db, now);
}
