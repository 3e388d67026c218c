/** What the toast and the screen reader say after a decision. */
import { type MessageKey, t } from '../../shared/i18n.ts';
import { keyOf, type StatusAction, statusActions, type TextDecision } from '../../shared/moderation.ts';
import { formatNumber } from '../format.ts';

const doneKeys: Record<StatusAction | TextDecision, MessageKey> = {
  approve: 'doneApprove',
  unapprove: 'doneUnapprove',
  spam: 'doneSpam',
  unspam: 'doneUnspam',
  trash: 'doneTrash',
  untrash: 'doneUntrash',
  delete: 'doneDelete',
  reply: 'doneReply',
  approveAndReply: 'doneApproveAndReply',
  edit: 'doneEdit',
};

export const actionLabelKeys: Record<StatusAction, MessageKey> = {
  approve: 'actionApprove',
  unapprove: 'actionUnapprove',
  spam: 'actionSpam',
  unspam: 'actionUnspam',
  trash: 'actionTrash',
  untrash: 'actionUntrash',
  delete: 'actionDelete',
};

/** The keyboard key of each action, as shown next to its button. */
export const actionKeys = Object.fromEntries(statusActions.map((action) => [action, keyOf(action) ?? ''])) as Record<
  StatusAction,
  string
>;

export function doneMessage(action: keyof typeof doneKeys, count: number): string {
  return t(doneKeys[action], [formatNumber(count)]);
}
