/**
 * What the popup's moderation keys and buttons mean for a comment in a given status — read from
 * the shared model (src/shared/moderation.ts), the same table the inline view reads.
 */
import {
  keyOf,
  type StatusAction,
  statusActionForKey,
  statusAfter as statusAfterDecision,
  undoKey,
} from '../../shared/moderation.ts';

export type { StatusAction } from '../../shared/moderation.ts';
export { statusActionsFor as actionsFor } from '../../shared/moderation.ts';

/** The popup's name for what a moderation key stands for (its meaning on a pending comment). */
export type KeyAction = 'approve' | 'unapprove' | 'spam' | 'trash' | 'restore';

/** The key of each key action (wp-admin's letters; `z` restores from spam and trash). */
export const keyActionKeys: Record<KeyAction, string> = {
  approve: keyOf('approve') ?? '',
  unapprove: keyOf('unapprove') ?? '',
  spam: keyOf('spam') ?? '',
  trash: keyOf('trash') ?? '',
  restore: undoKey,
};

export function decisionFor(key: KeyAction, status: string): StatusAction | null {
  return statusActionForKey(keyActionKeys[key], status);
}

/** The status a comment shows after the decision (the background's rule); null: deleted. */
export function statusAfter(action: StatusAction): string | null {
  // unspam and untrash act on spam and trash; anything else acts on what the view shows.
  const previous = action === 'unspam' ? 'spam' : action === 'untrash' ? 'trash' : 'hold';
  const after = statusAfterDecision(action, previous);
  return after === 'deleted' ? null : after;
}
