/**
 * What a send's result means for its outbox row, the cached comment and the site — decided by the
 * error's class only (style habit 8), with WordPress's code kept for the user.
 */
import type { OutboxRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { WpError } from '../../shared/wp/errors.ts';
import { firewallText } from '../firewall-text.ts';
import { nextAttemptAt } from './backoff.ts';

export type Outcome = (
  | { row: Partial<OutboxRow>; comment: 'keep' | 'rollback' | 'remove'; pauseSite?: undefined }
  | { row: Partial<OutboxRow>; comment: 'keep'; pauseSite: string }
) & {
  /** a reply or edit that will not be sent: its text goes back to being a draft (never lost) */
  draft?: string;
};

/** A firewall is not asked again within this: its rules may count repeated hits against the user. */
export const blockedRetryFloorMs = 30_000;

/** A reply or edit WordPress refused for good: WordPress's reason, and where the text is now. */
function refusedText(row: OutboxRow, error: WpError): Outcome {
  const reported = { kind: error.kind, code: error.code, message: error.message };
  const isText = (row.decision === 'reply' || row.decision === 'edit') && Boolean(row.content);
  if (!isText) return { row: { state: 'failed', error: reported }, comment: 'rollback' };
  const closed = row.decision === 'reply' && error.code === 'rest_comment_closed';
  const message = `${error.message} ${t(closed ? 'replyCommentsClosed' : 'textKeptAsDraft')}`;
  return { row: { state: 'failed', error: { ...reported, message } }, comment: 'rollback', draft: row.content ?? '' };
}

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
    case 'blocked': {
      // A firewall answered, not WordPress: nothing is wrong with the decision; it waits.
      const attempts = row.attempts + 1;
      const retryAt = nextAttemptAt(now, attempts, wpError.retryAfterMs, random);
      return {
        row: {
          state: 'waiting',
          attempts,
          notBefore: Math.max(retryAt, now + blockedRetryFloorMs),
          error: { ...reported, message: firewallText(wpError, row.decision) ?? wpError.message },
        },
        comment: 'keep',
      };
    }
    case 'auth':
      // The sign-in is gone: nothing is dropped; the site waits until the user signs in again.
      return { row: { state: 'waiting', error: reported }, comment: 'keep', pauseSite: wpError.message };
    case 'forbidden':
      return refusedText(row, wpError);
    case 'conflict':
      return { row: { state: 'conflict', error: reported }, comment: 'keep' };
    case 'terminal': {
      if (row.decision === 'reply' && wpError.code === 'comment_duplicate') {
        // The reply arrived before (its answer was lost); WordPress refuses it twice.
        return {
          row: { state: 'done', sentAt: now, error: { ...reported, message: 'This reply had already been posted.' } },
          comment: 'keep',
        };
      }
      // A delete sent again after a lost answer meets the comment gone: a 404 whose body was cut as well
      // has no code, but it is the same answer (the first attempt deleted it).
      const goneAfterRetry = row.decision === 'delete' && row.attempts > 0 && wpError.status === 404;
      if (wpError.code === 'rest_comment_invalid_id' || goneAfterRetry) {
        return {
          row: {
            state: 'done',
            sentAt: now,
            error: { ...reported, message: 'This comment no longer exists in WordPress (deleted elsewhere).' },
          },
          comment: 'remove',
        };
      }
      return refusedText(row, wpError);
    }
  }
}
