/**
 * What the moderation keys and buttons mean for a comment in a given status, as in wp-admin:
 * `s` on spam is "not spam", `d` on spam or trash deletes permanently, `u` restores.
 */
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

/** The status a comment shows after the decision; null: deleted. */
export function statusAfter(action: StatusAction): string | null {
  switch (action) {
    case 'approve':
      return 'approved';
    case 'unapprove':
    case 'unspam':
    case 'untrash':
      return 'hold';
    case 'spam':
      return 'spam';
    case 'trash':
      return 'trash';
    case 'delete':
      return null;
  }
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
