/** What a decision does to a comment's status, as WordPress does it. */
import type { Decision } from '../../shared/db/index.ts';
import type { StatusTarget } from '../../shared/wp/client.ts';

export { statusAfter } from '../../shared/decision-status.ts';

/** The REST status value for decisions that are status changes. */
export const statusTargets: Partial<Record<Decision, StatusTarget>> = {
  approve: 'approved',
  unapprove: 'hold',
  spam: 'spam',
  unspam: 'unspam',
  untrash: 'untrash',
};

/** The decision that takes a sent decision back, given the status the comment had before it. */
export function reverseOf(decision: Decision, previousStatus: string): Decision | null {
  switch (decision) {
    case 'spam':
      return 'unspam';
    case 'trash':
      return 'untrash';
    case 'delete':
    case 'reply':
    case 'edit':
      // Taken back by other means: trashing the reply, editing the text back (see undo).
      return null;
    default:
      if (previousStatus === 'approved') return 'approve';
      if (previousStatus === 'hold') return 'unapprove';
      if (previousStatus === 'spam') return 'spam';
      if (previousStatus === 'trash') return 'trash';
      return null;
  }
}
