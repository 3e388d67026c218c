/**
 * A chunk sent through the Freigabe Bridge: up to `maxIds` comments, with `expect` (compare-and-set:
 * the Bridge leaves a comment alone whose status is no longer the one claimed, so another
 * moderator's decision is never overwritten). WordPress's own functions run there, as in wp-admin's
 * bulk action: commenter data stays untouched, Akismet and other plugins' hooks fire. A conflict
 * whose current status is already what the action leaves counts as done: the chunk was sent before
 * by a worker that stopped before writing the answer.
 *
 * The chunk goes as pieces of the outbox's size, a few of them at once (ADR 023): one request keeps
 * one PHP worker and the database taking turns on one core while the server has more, and a piece
 * of a hundred stays well inside the client's timeout on a slow host (a timed-out request is sent
 * again while WordPress may still be working on it). The chunk is still claimed and answered as one
 * in the ledger.
 */
import type { JobAction } from '../../shared/jobs.ts';
import type { BulkOutcome } from '../../shared/wp/bridge.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { reachedBy } from '../../shared/wp/job-requests.ts';
import type { AdaptiveConcurrency } from './concurrency.ts';
import { asWpError, type ChunkAnswer, type ItemOutcome, isTransient } from './outcomes.ts';
import type { PoolTiming } from './rest-route.ts';
import type { ClaimItem } from './selection.ts';

function outcomeOf(action: JobAction, result: BulkOutcome, resent: boolean): ItemOutcome {
  const base = { id: result.id, status: result.after, code: result.code, message: result.message };
  if (result.outcome === 'done') return { ...base, result: 'done' };
  // Gone: deleted by this job's earlier send (delete), or by someone else.
  if (result.before === null) return { ...base, result: action === 'delete' && resent ? 'done' : 'skipped' };
  if (result.outcome === 'conflict') {
    return { ...base, result: resent && reachedBy(action, result.before) ? 'done' : 'skipped' };
  }
  return { ...base, result: 'failed', code: result.code ?? 'failed', message: result.message ?? '' };
}

/** Bulk requests of one chunk on the wire at once (the test server's, and many hosts', PHP workers: ADR 022). */
export const bridgeRequestsInFlight = 4;

/** The chunk cut into pieces of at most `size`, in id order. */
export function bridgePieces<T>(items: readonly T[], size: number): T[][] {
  const pieces: T[][] = [];
  for (let start = 0; start < items.length; start += Math.max(1, size)) pieces.push(items.slice(start, start + size));
  return pieces;
}

/** `resent`: the chunk was claimed before by a worker that stopped (its answer was never written). */
export async function sendBridgeChunk(
  client: WpClient,
  action: JobAction,
  items: readonly ClaimItem[],
  resent: boolean,
  /** comments per request: as the outbox sends them (groupLimit: a few for spam, which Akismet reports one by one) */
  pieceSize: number,
  /** the job's adaptive limit (ADR 022): an overloaded host gets fewer pieces at once, as REST singles do */
  limit: AdaptiveConcurrency,
  timing: PoolTiming,
  /** whether the job still runs (runningCheck): once not, no piece more starts */
  stillRunning: () => Promise<boolean> = async () => true,
): Promise<ChunkAnswer> {
  const answer: ChunkAnswer = { outcomes: new Map(), stop: null };
  if (items.length === 0) return answer;
  const sendPiece = async (piece: readonly ClaimItem[]) => {
    const asked: Record<number, string> = {};
    for (const item of piece) asked[item.id] = item.before;
    const started = timing.now();
    const ticket = limit.begin();
    try {
      const results = await client.bridge.bulk(
        action,
        piece.map((item) => item.id),
        asked,
      );
      limit.answer(timing.now() - started, ticket);
      for (const result of results) {
        if (asked[result.id] !== undefined) answer.outcomes.set(result.id, outcomeOf(action, result, resent));
      }
    } catch (thrown) {
      // The first failure stops the chunk (no piece more is sent); the pieces answered are kept (a
      // refusal of the chunk as a whole refuses only what is left), a transient one sends the chunk
      // again from the ledger — with fewer pieces at once.
      const error = asWpError(thrown);
      if (isTransient(error)) limit.overloaded(ticket);
      answer.stop ??= error;
    }
  };
  const pieces = bridgePieces(items, pieceSize);
  const sender = async () => {
    for (let piece = pieces.shift(); piece && answer.stop === null; piece = pieces.shift()) {
      if (!(await stillRunning())) {
        answer.halted = true;
        return;
      }
      await sendPiece(piece);
    }
  };
  const lanes = Math.min(limit.limit, bridgeRequestsInFlight, pieces.length);
  await Promise.all(Array.from({ length: lanes }, sender));
  // An id the Bridge did not answer for stays in the ledger, sent again with the next attempt.
  if (answer.stop === null && !answer.halted && answer.outcomes.size < items.length) {
    answer.stop = asWpError(new Error('The Freigabe Bridge did not answer for every comment.'));
  }
  return answer;
}
