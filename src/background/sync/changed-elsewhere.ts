/**
 * Another moderator without the Bridge (issue 13): WordPress has no compare-and-set, so a
 * colleague's change after the user's decision is found by the next sync. The comments the user
 * decided lately are read again with the queue; when one now has a status other than the one the
 * user's decision gave it, and the read began after that decision could still land (so the change
 * came later), the decision's outbox row becomes a conflict of kind `changed-elsewhere` with
 * "Changed by someone else after your decision: now Spam" — shown where Bridge conflicts are shown,
 * dismissable (undo makes it `done` again, with the message kept, so it is told once) and retryable
 * (Retry sends the user's decision again, deliberately). A new decision on the comment settles it
 * (outbox/decide.ts).
 */

import { changedElsewhereKind } from '../../shared/changed-elsewhere.ts';
import type { OutboxRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { isTextDecision } from '../../shared/moderation.ts';
import { statusLabelKey } from '../../shared/views.ts';
import { maxTimeoutMs } from '../../shared/wp/client.ts';
import type { BackgroundContext } from '../context.ts';
import { statusAfter } from '../outbox/status.ts';

/** Decisions done within this are watched by each sync. */
export const watchedForMs = 24 * 60 * 60_000;
/** At most this many decided comments (the newest) are read again per sync: five requests. */
export const watchedAtMost = 500;
/** how many comments only followed (not told of) a sync reads again: one page of WordPress's 100 */
const followedAtMost = 100;

const openStates = new Set<OutboxRow['state']>(['waiting', 'sending', 'failed', 'conflict']);

/**
 * Pure: whether `serverStatus`, read by a sync that began at `readSince`, says someone else changed
 * the comment after `latest` (the user's latest decision about it) was done there.
 */
export function changedAfterDecision(latest: OutboxRow, serverStatus: string, readSince: number): boolean {
  if (latest.state !== 'done' || latest.sentAt === null || latest.error?.kind === changedElsewhereKind) return false;
  if (latest.decision === 'delete' || isTextDecision(latest.decision)) return false;
  // A request sent before the read may land up to the client's timeout later: only a read that began
  // after that shows a change made after the decision.
  if (latest.sentAt >= readSince - maxTimeoutMs) return false;
  const produced = latest.resultStatus ?? statusAfter(latest.decision, latest.previousStatus);
  return produced !== serverStatus;
}

/** Each comment's latest status decision, unless a later or open one follows it (then that one speaks). */
function latestDecisions(rows: readonly OutboxRow[]): Map<number, OutboxRow> {
  const latest = new Map<number, OutboxRow>();
  const open = new Set<number>();
  for (const row of rows) {
    if (openStates.has(row.state)) open.add(row.commentId);
    if (row.decision === 'delete' || isTextDecision(row.decision)) continue;
    const before = latest.get(row.commentId);
    if (!before || (before.id ?? 0) < (row.id ?? 0)) latest.set(row.commentId, row);
  }
  for (const commentId of open) latest.delete(commentId);
  return latest;
}

/** Pure: the comments whose latest decision (among a site's outbox rows) a sync starting at `startedAt` compares with WordPress. */
export function watchedComments(rows: readonly OutboxRow[], startedAt: number): number[] {
  return [...latestDecisions(rows).values()]
    .filter((row) => row.sentAt !== null && row.sentAt > startedAt - watchedForMs && row.error === null)
    .sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0))
    .slice(0, watchedAtMost)
    .map((row) => row.commentId);
}

/**
 * Pure: the comments the user acted on lately that `watchedComments` leaves out — only edited (an
 * edit's answer cached the comment's status), or whose decision was told changed already (told
 * once) — read again too, so the cache follows where someone moves them next; nothing is told.
 * The newest `followedAtMost` (one request's page). `watchedIds`: what `watchedComments` answered
 * for the same rows, when the caller has it.
 */
export function followedComments(
  rows: readonly OutboxRow[],
  startedAt: number,
  watchedIds: readonly number[] = watchedComments(rows, startedAt),
): number[] {
  const watched = new Set(watchedIds);
  const recent = rows.filter(
    (row) =>
      row.state === 'done' &&
      row.decision !== 'delete' &&
      row.decision !== 'reply' &&
      row.sentAt !== null &&
      row.sentAt > startedAt - watchedForMs &&
      !watched.has(row.commentId),
  );
  const newest = recent.sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0)).map((row) => row.commentId);
  return [...new Set(newest)].slice(0, followedAtMost);
}

/**
 * Marks the decisions someone else changed afterwards (inside the sync's transaction, so a decision
 * made meanwhile is seen): `statuses` are the server's, by comment id. Answers how many were told.
 */
export async function tellChangedElsewhere(
  ctx: BackgroundContext,
  siteId: string,
  statuses: ReadonlyMap<number, string>,
  startedAt: number,
): Promise<number> {
  if (statuses.size === 0) return 0;
  const rows = await ctx.db.outbox
    .where('[siteId+commentId]')
    .anyOf([...statuses.keys()].map((id) => [siteId, id]))
    .toArray();
  let told = 0;
  for (const [commentId, row] of latestDecisions(rows)) {
    const status = statuses.get(commentId);
    if (status === undefined || !changedAfterDecision(row, status, startedAt)) continue;
    // A status no view shows (a plugin's, or WordPress's post-trashed) is named as WordPress names it.
    const label = statusLabelKey(status);
    const now = label ? t(label) : status;
    await ctx.db.outbox.update(row.id ?? 0, {
      state: 'conflict',
      // As with the Bridge's conflict: dismissing keeps the cache where WordPress has it, a retry expects it.
      previousStatus: status,
      error: { kind: changedElsewhereKind, code: 'changed_elsewhere', message: t('changedElsewhere', [now]) },
    });
    told += 1;
  }
  return told;
}
