/**
 * What a decision does to a comment's status, as WordPress does it — one rule for the background
 * (optimistic cache writes) and the pages (what leaves the view they show).
 */
import type { Decision } from './db/rows.ts';

/** The status the comment shows right after the decision (optimistic, until WordPress confirms). */
export function statusAfter(decision: Decision, previous: string): string {
  switch (decision) {
    case 'approve':
      return 'approved';
    case 'unapprove':
      return 'hold';
    case 'spam':
      return 'spam';
    case 'trash':
      return 'trash';
    case 'delete':
      return 'deleted';
    case 'edit':
    case 'reply':
      return previous;
    // WordPress restores what the comment was before spam/trash; pending is the usual answer.
    case 'unspam':
    case 'untrash':
      return previous === 'spam' || previous === 'trash' ? 'hold' : previous;
  }
}
