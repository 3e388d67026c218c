/** The REST status value of each decision that is a status change (the rest of the rules: shared/moderation.ts). */
import type { Decision } from '../../shared/moderation.ts';
import type { StatusTarget } from '../../shared/wp/client.ts';

export { reverseOf, statusAfter } from '../../shared/moderation.ts';

/** The REST status value for decisions that are status changes. */
export const statusTargets: Partial<Record<Decision, StatusTarget>> = {
  approve: 'approved',
  unapprove: 'hold',
  spam: 'spam',
  unspam: 'unspam',
  untrash: 'untrash',
};
