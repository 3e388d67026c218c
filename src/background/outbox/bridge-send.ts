/**
 * Status decisions sent through the Freigabe Bridge (ADR 021) where the site has it: the decisions of
 * one site and action due in the same round go as one bulk request, each with the status it was
 * made on as `expect` — so a comment another moderator moved meanwhile is left alone and comes back
 * as a conflict instead of being overwritten. Edits and replies, and every site without the
 * Bridge, go over REST one by one (send.ts).
 */
import type { OutboxRow, SiteRow } from '../../shared/db/index.ts';
import { commentStatuses, type StatusAction, statusActions } from '../../shared/moderation.ts';
import type { BulkOutcome } from '../../shared/wp/bridge.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { Sent } from './answers.ts';
import type { Outcome } from './outcome.ts';
import { movedConflict } from './send.ts';

/**
 * Decisions per bulk request. Spam and not spam are few per request: Akismet reports each comment
 * synchronously inside the request (up to 15 s each), and one request must stay inside the client's
 * timeout; the rest go a hundred at a time (a moderator's round is rarely larger).
 */
export function groupLimit(action: StatusAction, site: Pick<SiteRow, 'bridge'>): number {
  const most = site.bridge?.maxIds ?? 1;
  return Math.min(most, action === 'spam' || action === 'unspam' ? 4 : 100);
}

/** The Bridge action a decision is sent as on this site; null: over REST. */
export function bridgeActionOf(site: Pick<SiteRow, 'bridge'>, row: Pick<OutboxRow, 'decision'>): StatusAction | null {
  const action = (statusActions as readonly string[]).includes(row.decision) ? (row.decision as StatusAction) : null;
  return action !== null && site.bridge?.actions.includes(action) ? action : null;
}

/** What came back for one decision of a bulk request. */
export type BridgeAnswer = { sent: Sent } | { error: WpError; outcome?: Outcome };

/** The Bridge's refusal of one comment as the outbox's classified error (as REST would have said it). */
function errorOf(result: BulkOutcome): WpError {
  const code = result.code ?? 'freigabe_bridge_failed';
  const message = result.message ?? `WordPress did not change comment ${result.id}.`;
  if (result.outcome === 'conflict') return new WpError('conflict', message, 409, code);
  if (code === 'rest_cannot_edit' || code === 'rest_cannot_delete') return new WpError('forbidden', message, 403, code);
  if (code === 'rest_comment_failed_edit') return new WpError('conflict', message, 500, code);
  if (code === 'rest_comment_invalid_id') return new WpError('terminal', message, 404, code);
  return new WpError('terminal', message, 400, code);
}

/**
 * Sends the rows (one site, one action) as one bulk request; answers per row. A failure of the
 * request as a whole (network, sign-in, the Bridge gone) is thrown, for every row alike.
 */
export async function sendThroughBridge(
  client: WpClient,
  action: StatusAction,
  rows: readonly OutboxRow[],
): Promise<Map<OutboxRow, BridgeAnswer>> {
  const expect: Record<number, string> = {};
  for (const row of rows) {
    if ((commentStatuses as readonly string[]).includes(row.previousStatus)) expect[row.commentId] = row.previousStatus;
  }
  const results = await client.bridge.bulk(
    action,
    rows.map((row) => row.commentId),
    expect,
  );
  const byId = new Map(results.map((result) => [result.id, result]));
  const answers = new Map<OutboxRow, BridgeAnswer>();
  for (const row of rows) {
    const result = byId.get(row.commentId);
    if (!result) {
      answers.set(row, {
        error: new WpError('invalid-response', `The Freigabe Bridge did not answer for comment ${row.commentId}.`),
      });
    } else if (result.outcome === 'done') {
      answers.set(row, { sent: { status: result.after === 'deleted' ? null : result.after } });
    } else if (result.outcome === 'conflict' && row.attempts > 0 && restoredBy(action, result.before)) {
      // Not spam / restore sent again after a lost answer: the first may have put it back (Bridge 1.1.2
      // answers a comment out of Spam or the Trash as a conflict), as a REST send takes it (send.ts).
      answers.set(row, { sent: { status: result.before } });
    } else if (result.outcome === 'conflict' && result.before !== null) {
      // Someone else moved it: the cache shows where it is, and a retry ("do it anyway") expects that.
      const error = movedConflict(result.before, result.code ?? null) ?? errorOf(result);
      const reported = { kind: error.kind, code: error.code, message: error.message };
      answers.set(row, {
        error,
        outcome: { row: { state: 'conflict', error: reported, previousStatus: result.before }, comment: 'rollback' },
      });
    } else {
      answers.set(row, { error: errorOf(result) });
    }
  }
  return answers;
}

/** Whether `status` is what not spam or restore leaves (the status the comment had before: pending or approved). */
function restoredBy(action: StatusAction, status: string | null): status is string {
  return (action === 'unspam' || action === 'untrash') && (status === 'hold' || status === 'approved');
}

/** The Bridge was deactivated since the last sync: its route is gone (send over REST instead). */
export function bridgeGone(error: unknown): boolean {
  return error instanceof WpError && error.status === 404 && error.code === 'rest_no_route';
}

/** What the flush does with each answer (flush.ts). */
export interface RoundHandlers {
  sendOne(row: OutboxRow): Promise<void>;
  answered(row: OutboxRow, sent: Sent): Promise<void>;
  failed(row: OutboxRow, error: unknown, outcome?: Outcome): Promise<void>;
  /** the site's Bridge is gone: forget it */
  bridgeGone(siteId: string): Promise<void>;
  /** the bulk request was answered (its place on the wire is free before the answers are written; a failure frees it once handled) */
  released?(): void;
}

/**
 * One place on the wire of a site: a decision over REST, or the decisions of one action through
 * the Bridge — answered per decision; a request that failed as a whole fails each of them alike.
 */
export async function sendRound(
  sender: { site: Pick<SiteRow, 'bridge'>; client: WpClient },
  rows: readonly OutboxRow[],
  handlers: RoundHandlers,
): Promise<void> {
  const [first] = rows;
  const action = first ? bridgeActionOf(sender.site, first) : null;
  if (!first || action === null) {
    for (const row of rows) await handlers.sendOne(row);
    return;
  }
  let answers: Map<OutboxRow, BridgeAnswer>;
  try {
    answers = await sendThroughBridge(sender.client, action, rows);
  } catch (error) {
    if (bridgeGone(error)) {
      await handlers.bridgeGone(first.siteId);
      for (const row of rows) await handlers.sendOne(row);
    } else for (const row of rows) await handlers.failed(row, error);
    return;
  }
  handlers.released?.();
  for (const [row, answer] of answers) {
    if ('sent' in answer) await handlers.answered(row, answer.sent);
    else await handlers.failed(row, answer.error, answer.outcome);
  }
}
