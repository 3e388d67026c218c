/**
 * What the moderation keys and buttons mean for a comment in a given status, as in wp-admin:
 * `s` on spam is "not spam", `d` on spam or trash deletes permanently, `u` restores.
 */
import { statusAfter as decisionStatusAfter } from '../../shared/decision-status.ts';

export type StatusAction = 'approve' | 'unapprove' | 'spam' | 'unspam' | 'trash' | 'untrash' | 'delete';
export type KeyAction = 'approve' | 'unapprove' | 'spam' | 'trash';

export function decisionFor(key: KeyAction, status: string): StatusAction | null {
  switch (key) {
    case 'approve':
      return status === 'approved' ? null : 'approve';
    case 'unapprove':
      if (status === 'spam') return 'unspam';
      if (status === 'trash') return 'untrash';
      return status === 'approved' ? 'unapprove' : null;
    case 'spam':
      return status === 'spam' ? 'unspam' : 'spam';
    case 'trash':
      return status === 'trash' || status === 'spam' ? 'delete' : 'trash';
  }
}

/** The status a comment shows after the decision (the background's rule); null: deleted. */
export function statusAfter(action: StatusAction): string | null {
  // unspam and untrash act on spam and trash; anything else acts on what the view shows.
  const previous = action === 'unspam' ? 'spam' : action === 'untrash' ? 'trash' : 'hold';
  const after = decisionStatusAfter(action, previous);
  return after === 'deleted' ? null : after;
}

/** The buttons a comment in this status gets (when the user may moderate it). */
export function actionsFor(status: string): StatusAction[] {
  switch (status) {
    case 'hold':
      return ['approve', 'spam', 'trash'];
    case 'approved':
      return ['unapprove', 'spam', 'trash'];
    case 'spam':
      return ['unspam', 'delete'];
    case 'trash':
      return ['untrash', 'delete'];
    default:
      return [];
  }
}
