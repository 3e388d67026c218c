/**
 * What a send's result means for its outbox row, the cached comment and the site — decided by the
 * error's class only (style habit 8), with WordPress's code kept for the user.
 */
import type { OutboxRow } from '../../shared/db/index.ts';
import { WpError } from '../../shared/wp/errors.ts';
import { nextAttemptAt } from './backoff.ts';

export type Outcome =
  | { row: Partial<OutboxRow>; comment: 'keep' | 'rollback' | 'remove'; pauseSite?: undefined }
  | { row: Partial<OutboxRow>; comment: 'keep'; pauseSite: string };

export function outcomeOfFailure(row: OutboxRow, error: unknown, now: number, random: () => number): Outcome {
  const wpError =
    error instanceof WpError ? error : new WpError('retryable', error instanceof Error ? error.message : String(error));
  const reported = { kind: wpError.kind, code: wpError.code, message: wpError.message };
  switch (wpError.kind) {
    case 'retryable':
    case 'invalid-response': {
      const attempts = row.attempts + 1;
      return {
        row: {
          state: 'waiting',
          attempts,
          notBefore: nextAttemptAt(now, attempts, wpError.retryAfterMs, random),
          error: reported,
        },
        comment: 'keep',
      };
    }
    case 'auth':
      // The sign-in is gone: nothing is dropped; the site waits until the user signs in again.
      return { row: { state: 'waiting', error: reported }, comment: 'keep', pauseSite: wpError.message };
    case 'forbidden':
      return { row: { state: 'failed', error: reported }, comment: 'rollback' };
    case 'conflict':
      return { row: { state: 'conflict', error: reported }, comment: 'keep' };
    case 'terminal':
      if (row.decision === 'reply' && wpError.code === 'comment_duplicate') {
        // The reply arrived before (its answer was lost); WordPress refuses it twice.
        return {
          row: { state: 'done', sentAt: now, error: { ...reported, message: 'This reply had already been posted.' } },
          comment: 'keep',
        };
      }
      if (wpError.code === 'rest_comment_invalid_id') {
        return {
          row: {
            state: 'done',
            sentAt: now,
            error: { ...reported, message: 'This comment no longer exists in WordPress (deleted elsewhere).' },
          },
          comment: 'remove',
        };
      }
      return { row: { state: 'failed', error: reported }, comment: 'rollback' };
  }
}
