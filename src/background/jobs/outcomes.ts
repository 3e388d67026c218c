/** What became of each comment of a chunk, and why a chunk stopped before every comment was answered. */
import type { JobAction } from '../../shared/jobs.ts';
import { WpError } from '../../shared/wp/errors.ts';

export type ItemResult = 'done' | 'skipped' | 'failed';

export interface ItemOutcome {
  id: number;
  result: ItemResult;
  /** the status WordPress answered with ('deleted'; null: not known) */
  status: string | null;
  code?: string;
  message?: string;
}

/** The errors that end a chunk early (the rest of it is sent later, from the ledger). */
export type StopReason = WpError;

export interface ChunkAnswer {
  outcomes: Map<number, ItemOutcome>;
  /** set when the chunk stopped before every comment was answered */
  stop: StopReason | null;
  /** the user paused or cancelled the job while the chunk was out: what was not sent yet never was */
  halted?: boolean;
}

/**
 * Whether the job still runs, asked at most every `everyMs` (in the service worker each read is a
 * round trip to the browser's IndexedDB) and always after a wait: a chunk's requests stop starting
 * once the user pauses or cancels — a cancelled undo went on for 48 s after a hang (the soak, seed 4170).
 */
export function runningCheck(
  stillRunning: () => Promise<boolean>,
  now: () => number,
  everyMs = 250,
): (force?: boolean) => Promise<boolean> {
  // The caller has just seen it running.
  let checkedAt = now();
  let running = true;
  return async (force = false) => {
    if (running && (force || now() - checkedAt >= everyMs)) {
      checkedAt = now();
      running = await stillRunning();
    }
    return running;
  };
}

/** Errors about the request's circumstances, not this comment: the comment is tried again later. */
export function isTransient(error: WpError): boolean {
  return error.kind === 'retryable' || error.kind === 'invalid-response';
}

/** Errors that stop the whole job for now: the sign-in is gone, a firewall answers. */
export function stopsTheJob(error: WpError): boolean {
  return error.kind === 'auth' || error.kind === 'blocked';
}

/** One comment's refusal, as the report shows it. */
export function refused(id: number, error: WpError): ItemOutcome {
  // Deleted elsewhere, or moved meanwhile (WordPress's rare "failed edit"): someone else's change.
  if (error.code === 'rest_comment_invalid_id' || error.kind === 'conflict') {
    return { id, result: 'skipped', status: null, code: error.code ?? error.kind, message: error.message };
  }
  return { id, result: 'failed', status: null, code: error.code ?? error.kind, message: error.message };
}

export function asWpError(error: unknown): WpError {
  if (error instanceof WpError) return error;
  return new WpError('retryable', error instanceof Error ? error.message : String(error), null, 'network');
}

/** Whether this action on a comment of this status would change anything. */
export function changesAnything(action: JobAction, status: string): boolean {
  switch (action) {
    case 'approve':
      return status !== 'approved';
    case 'unapprove':
      return status !== 'hold';
    case 'spam':
      return status !== 'spam';
    case 'unspam':
      return status === 'spam';
    case 'trash':
      return status !== 'trash';
    case 'untrash':
      return status === 'trash';
    default:
      return true;
  }
}
