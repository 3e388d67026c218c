/**
 * A chunk sent without the Bridge: one REST request per comment, as many in flight as the adaptive
 * limit allows (concurrency.ts). A 429, 503 or timeout halves the limit and holds every new request
 * back until `Retry-After` (or a short backoff) has passed; the comment is tried again. When the
 * server keeps refusing, or asks for a long wait, the chunk stops: what was answered is kept, the
 * rest waits in the ledger and the job waits with it. Each update carries the commenter's IP and
 * user agent (WordPress would replace them with the moderator's); trash goes by DELETE, which
 * keeps them anyway.
 */
import type { JobAction } from '../../shared/jobs.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { reachedBy } from '../../shared/wp/job-requests.ts';
import type { AdaptiveConcurrency } from './concurrency.ts';
import { asWpError, type ChunkAnswer, isTransient, refused, stopsTheJob } from './outcomes.ts';
import type { ClaimItem } from './selection.ts';

export interface PoolTiming {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Transient failures in a row after which the chunk stops and the job waits (with its backoff). */
export const maxTransientInARow = 6;
/** A wait longer than this (Retry-After) is not sat out inside the chunk: the job waits instead. */
export const maxInlineWaitMs = 10_000;
const inlineBackoffMs = (failures: number) => Math.min(maxInlineWaitMs, 500 * 2 ** (failures - 1));

export async function sendRestChunk(
  client: WpClient,
  action: JobAction,
  items: readonly ClaimItem[],
  limit: AdaptiveConcurrency,
  timing: PoolTiming,
  /** whether the job still runs (runningCheck): once not, no request more starts */
  stillRunning: (afterWait?: boolean) => Promise<boolean> = async () => true,
): Promise<ChunkAnswer> {
  const answer: ChunkAnswer = { outcomes: new Map(), stop: null };
  const queue = [...items];
  let waited = false;
  const inFlight = new Set<Promise<void>>();
  let holdUntil = 0;
  let transientInARow = 0;

  const sendOne = async (item: ClaimItem) => {
    const started = timing.now();
    const ticket = limit.begin();
    try {
      const status = await client.jobs.act(item.id, action, item.preserve);
      limit.answer(timing.now() - started, ticket);
      transientInARow = 0;
      answer.outcomes.set(item.id, { id: item.id, result: reachedBy(action, status) ? 'done' : 'skipped', status });
    } catch (thrown) {
      const error = asWpError(thrown);
      if (isTransient(error)) {
        limit.overloaded(ticket);
        transientInARow += 1;
        const wait = error.retryAfterMs ?? inlineBackoffMs(transientInARow);
        if (transientInARow >= maxTransientInARow || wait > maxInlineWaitMs) answer.stop ??= error;
        holdUntil = Math.max(holdUntil, timing.now() + wait);
        queue.unshift(item);
      } else if (stopsTheJob(error)) {
        answer.stop ??= error;
        queue.unshift(item);
      } else {
        limit.answer(timing.now() - started, ticket);
        answer.outcomes.set(item.id, refused(item.id, error));
      }
    }
  };

  while (answer.stop === null && (queue.length > 0 || inFlight.size > 0)) {
    const wait = holdUntil - timing.now();
    if (queue.length > 0 && inFlight.size < limit.limit && wait <= 0) {
      if (!(await stillRunning(waited))) {
        answer.halted = true;
        break;
      }
      waited = false;
      const item = queue.shift() as ClaimItem;
      const sending: Promise<void> = sendOne(item).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      continue;
    }
    if (inFlight.size > 0) await Promise.race(inFlight);
    else if (wait > 0) {
      await timing.sleep(wait);
      waited = true;
    }
  }
  // Stopped or halted: let what is on the wire answer (its outcome is kept), start nothing more.
  await Promise.all(inFlight);
  return answer;
}
