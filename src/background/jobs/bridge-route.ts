/**
 * A chunk sent through the Freigabe Bridge: one request for up to `maxIds` comments, with `expect`
 * (compare-and-set: the Bridge leaves a comment alone whose status is no longer the one claimed,
 * so another moderator's decision is never overwritten). WordPress's own functions run there, as in
 * wp-admin's bulk action: commenter data stays untouched, Akismet and other plugins' hooks fire.
 * A conflict whose current status is already what the action leaves counts as done: the chunk was
 * sent before by a worker that stopped before writing the answer.
 */
import type { JobAction } from '../../shared/jobs.ts';
import type { BulkOutcome } from '../../shared/wp/bridge.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { reachedBy } from '../../shared/wp/job-requests.ts';
import { asWpError, type ChunkAnswer, type ItemOutcome } from './outcomes.ts';
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

/** `resent`: the chunk was claimed before by a worker that stopped (its answer was never written). */
export async function sendBridgeChunk(
  client: WpClient,
  action: JobAction,
  items: readonly ClaimItem[],
  resent: boolean,
): Promise<ChunkAnswer> {
  const answer: ChunkAnswer = { outcomes: new Map(), stop: null };
  if (items.length === 0) return answer;
  const expect: Record<number, string> = {};
  for (const item of items) expect[item.id] = item.before;
  try {
    const results = await client.bridge.bulk(
      action,
      items.map((item) => item.id),
      expect,
    );
    for (const result of results) {
      if (expect[result.id] !== undefined) answer.outcomes.set(result.id, outcomeOf(action, result, resent));
    }
    // An id the Bridge did not answer for stays in the ledger, sent again with the next attempt.
    if (answer.outcomes.size < items.length) {
      answer.stop = asWpError(new Error('The Freigabe Bridge did not answer for every comment.'));
    }
  } catch (error) {
    answer.stop = asWpError(error);
  }
  return answer;
}
