/**
 * A decision changes the cache at once (optimistic) and writes its outbox row in the same
 * transaction: either both happen or neither. The network call comes later, outside any transaction.
 */

import { changedElsewhereKind } from '../../shared/changed-elsewhere.ts';
import type { CommentRow, OutboxRow } from '../../shared/db/index.ts';
import { type Decision, isTextDecision, type RequestedDecision } from '../../shared/moderation.ts';
import type { BackgroundContext } from '../context.ts';
import { restoreDraft } from '../drafts.ts';
import { ReplyError } from '../reply-error.ts';
import { outcomeOfDelete, ReputationChanges } from '../reputation.ts';
import { reverseOf, statusAfter } from './status.ts';

export const defaultUndoWindowMs = 5_000;

export interface DecisionInput {
  siteId: string;
  commentIds: readonly number[];
  /** approveAndReply: wp-admin's "Approve and Reply", two decisions (REST does not approve the parent) */
  decision: RequestedDecision;
  /** edit: the new text; reply / approveAndReply: the reply */
  content?: string;
  undoWindowMs?: number;
}

/** Plain text as the HTML WordPress would show, for the optimistic view of an edit. */
function paragraphs(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br />')}</p>`)
    .join('\n');
}

export async function decide(ctx: BackgroundContext, input: DecisionInput): Promise<number[]> {
  const now = ctx.now();
  const notBefore = now + (input.undoWindowMs ?? defaultUndoWindowMs);
  const needsText = isTextDecision(input.decision);
  const content = input.content?.trim() ?? '';
  if (needsText && content === '') throw new ReplyError('empty_text', 'Write something first.');
  const steps: Decision[] = input.decision === 'approveAndReply' ? ['approve', 'reply'] : [input.decision];
  const { db } = ctx;
  const { siteId, commentIds } = input;
  return db.transaction('rw', db.comments, db.outbox, db.drafts, db.reputation, async () => {
    await settleConflicts(ctx, siteId, commentIds);
    // Read and written in bulk: a few requests to IndexedDB for a decision on thousands of comments,
    // not four awaited one after another per comment (each a round trip in the service worker).
    const stored = await db.comments.bulkGet(commentIds.map((id) => [siteId, id] as [string, number]));
    /** each comment as the decisions so far left it (null: deleted), in the order they were made */
    const current = new Map<number, CommentRow | null>();
    const rows: OutboxRow[] = [];
    const drafts: [string, number, Decision][] = [];
    // The authors' reputation changes with the decisions, in the same transaction.
    const reputation = new ReputationChanges(siteId);
    commentIds.forEach((commentId, index) => {
      for (const decision of steps) {
        const comment = current.has(commentId) ? current.get(commentId) : stored[index];
        if (!comment) throw new ReplyError('comment_not_cached', `Comment ${commentId} is not in the cache.`);
        rows.push(outboxRowFor(comment, decision, content, now, notBefore));
        // The text now lives in the outbox row (a failed reply is retried from there): the draft is done.
        if (decision === 'edit' || decision === 'reply') drafts.push([siteId, commentId, decision]);
        if (decision === 'delete') {
          current.set(commentId, null);
          reputation.set(comment, outcomeOfDelete(comment.status));
        } else if (decision === 'edit') {
          current.set(commentId, { ...comment, contentRaw: content, contentHtml: paragraphs(content) });
        } else if (decision !== 'reply') {
          const changed = { ...comment, status: statusAfter(decision, comment.status) };
          current.set(commentId, changed);
          reputation.follow(changed);
        }
      }
    });
    const ids = await db.outbox.bulkAdd(rows, { allKeys: true });
    if (drafts.length > 0) await db.drafts.bulkDelete(drafts);
    const changed = [...current.entries()];
    await db.comments.bulkPut(changed.flatMap(([, comment]) => (comment ? [comment] : [])));
    const deleted = changed.filter(([, comment]) => comment === null);
    if (deleted.length > 0) await db.comments.bulkDelete(deleted.map(([id]) => [siteId, id] as [string, number]));
    await reputation.apply(db, now);
    return ids as number[];
  });
}

/** A new decision's outbox row (`content` kept for an edit or a reply only); `undoOf`: the row it takes back. */
function outboxRowFor(
  comment: CommentRow,
  decision: Decision,
  content: string | null,
  now: number,
  notBefore: number,
  undoOf: number | null = null,
) {
  return {
    siteId: comment.siteId,
    commentId: comment.id,
    decision,
    previousStatus: comment.status,
    snapshot: comment,
    state: 'waiting',
    createdAt: now,
    notBefore,
    attempts: 0,
    sentAt: null,
    error: null,
    undoOf,
    content: decision === 'edit' || decision === 'reply' ? content : null,
    resultId: null,
  } satisfies OutboxRow;
}

/**
 * A new decision about a comment in conflict (ADR 035): the user has seen where it is now and
 * decided again, so the conflict no longer holds the new decision back. One that never reached
 * WordPress (the Bridge refused it) is dropped; one that did, and was changed by someone else
 * afterwards, is done again with its message kept as the record.
 */
async function settleConflicts(ctx: BackgroundContext, siteId: string, commentIds: readonly number[]): Promise<void> {
  // Conflicts are few: one look at all of them, not one per decided comment (a decision may cover thousands).
  const decided = new Set(commentIds);
  const conflicts = (await ctx.db.outbox.where('state').equals('conflict').toArray()).filter(
    (row) => row.siteId === siteId && decided.has(row.commentId),
  );
  for (const row of conflicts) {
    if (row.error?.kind === changedElsewhereKind) await ctx.db.outbox.update(row.id ?? 0, { state: 'done' });
    else await ctx.db.outbox.delete(row.id ?? 0);
  }
}

/**
 * Undo: a decision still waiting is cancelled locally (nothing was sent; a reply's or edit's text
 * becomes a draft again); one already done is taken back by sending the reverse (unspam, untrash,
 * the previous status).
 */
export async function undo(
  ctx: BackgroundContext,
  outboxId: number,
  undoWindowMs = 0,
): Promise<'cancelled' | 'reversed'> {
  const { db } = ctx;
  return db.transaction('rw', [db.comments, db.outbox, db.reputation, db.drafts], async () => {
    const row = await db.outbox.get(outboxId);
    if (!row) throw new ReplyError('unknown_decision', 'This decision is no longer known.');
    const reputation = new ReputationChanges(row.siteId);
    // A decision tried before whose answer never came may have reached WordPress: not cancelled
    // locally, but sent and then reversed (a reply or edit: once it is done, see below). A firewall's
    // answer is not one of those: it stopped the request before WordPress.
    const mayHaveArrived = row.state === 'waiting' && row.attempts > 0 && row.error?.kind !== 'blocked';
    const isText = row.decision === 'reply' || row.decision === 'edit';
    // The same for a status decision refused on a later attempt: the refusal may be WordPress saying
    // the first one landed (a 410 for a comment already in Trash, its body cut so its code is lost).
    // (An earlier attempt only a firewall stopped counts too: the row keeps no record of which
    // attempts could have reached WordPress; its reverse is then refused and shown, nothing lost.)
    const refusedAfterLost = row.state === 'failed' && row.attempts > 0 && !isText && row.decision !== 'delete';
    // Told that someone else changed it after it was done: dismissed, it is done again (told once);
    // the cache already has the comment where WordPress has it.
    if (row.state === 'conflict' && row.error?.kind === changedElsewhereKind) {
      await db.outbox.update(outboxId, { state: 'done' });
      return 'cancelled';
    }
    if (
      (row.state === 'waiting' && !mayHaveArrived) ||
      (row.state === 'failed' && !refusedAfterLost) ||
      row.state === 'conflict'
    ) {
      await db.outbox.delete(outboxId);
      if ((row.decision === 'reply' || row.decision === 'edit') && row.content)
        await restoreDraft(ctx, row.siteId, row.commentId, row.decision, row.content);
      const restored = { ...row.snapshot, status: row.previousStatus };
      await db.comments.put(restored);
      await reputation.follow(restored).apply(db, ctx.now());
      return 'cancelled';
    }
    if (row.state === 'sending' || (mayHaveArrived && (isText || row.decision === 'delete')))
      throw new ReplyError('decision_in_flight', 'This decision is being sent right now. Try again in a moment.');
    if (row.decision === 'reply' || row.decision === 'edit') return undoSentText(ctx, row);
    const reverse = reverseOf(row.decision, row.previousStatus);
    if (reverse === null) throw new ReplyError('cannot_undo', 'A comment deleted permanently cannot be restored.');
    const current = (await db.comments.get([row.siteId, row.commentId])) ?? row.snapshot;
    // Taken back now: the refused row is no longer a failure to show or retry.
    if (refusedAfterLost) await db.outbox.update(outboxId, { state: 'done' });
    await db.outbox.add(outboxRowFor(current, reverse, null, ctx.now(), ctx.now() + undoWindowMs, outboxId));
    const restored = { ...current, status: row.previousStatus };
    await db.comments.put(restored);
    await reputation.follow(restored).apply(db, ctx.now());
    return 'reversed';
  });
}

/** A sent reply is taken back by trashing it; a sent edit by editing the old text back. */
async function undoSentText(ctx: BackgroundContext, row: OutboxRow): Promise<'reversed'> {
  const { db } = ctx;
  const target = row.decision === 'reply' ? row.resultId : row.commentId;
  const cached = target ? await db.comments.get([row.siteId, target]) : undefined;
  if (!target || !cached)
    throw new ReplyError('cannot_undo', 'This can no longer be undone here; change it in WordPress.');
  if (row.decision === 'edit' && row.snapshot.contentRaw === null) {
    throw new ReplyError('cannot_undo', 'The old text is not known, so the edit cannot be undone here.');
  }
  const reverse = row.decision === 'reply' ? 'trash' : 'edit';
  await db.outbox.add(outboxRowFor(cached, reverse, row.snapshot.contentRaw, ctx.now(), ctx.now(), row.id ?? null));
  const restored = row.decision === 'reply' ? { ...cached, status: 'trash' } : row.snapshot;
  await db.comments.put(restored);
  await new ReputationChanges(row.siteId).follow(restored).apply(db, ctx.now());
  return 'reversed';
}
