/** The popup's keyboard shortcuts, for its help overlay and the options page. */
import type { MessageKey } from '../i18n.ts';
import { keyOf, textKeys, undoKey } from '../moderation.ts';

const key = (decision: Parameters<typeof keyOf>[0]) => keyOf(decision) ?? '';
const shifted = (decision: Parameters<typeof keyOf>[0]) => `Shift+${key(decision)}`;

/** b: a bulk job over everything matching on the server (free in wp-admin's keys and ours). */
export const bulkJobKey = 'b';

export interface Shortcut {
  keys: string[];
  label: MessageKey;
}

export const shortcuts: Shortcut[] = [
  { keys: ['j', 'k'], label: 'keyMove' },
  { keys: ['x'], label: 'keySelect' },
  { keys: ['Shift+x'], label: 'keySelectAll' },
  { keys: [key('approve')], label: 'keyApprove' },
  { keys: [key('unapprove')], label: 'keyUnapprove' },
  { keys: [key('spam')], label: 'keySpam' },
  { keys: [key('trash')], label: 'keyTrash' },
  { keys: [shifted('approve'), shifted('unapprove'), shifted('spam'), shifted('trash')], label: 'keyOnSelection' },
  { keys: [textKeys.reply], label: 'keyReply' },
  { keys: [textKeys.approveAndReply], label: 'keyApproveAndReply' },
  { keys: [textKeys.edit], label: 'keyEdit' },
  { keys: [undoKey], label: 'keyUndo' },
  { keys: [bulkJobKey], label: 'keyBulkJob' },
  { keys: ['Enter', '→', '←'], label: 'keyExpand' },
  { keys: ['o'], label: 'keyOpenPage' },
  { keys: ['w'], label: 'keyOpenAdmin' },
  { keys: ['/'], label: 'keySearch' },
  { keys: ['?'], label: 'keyHelp' },
  { keys: ['Esc'], label: 'keyEscape' },
];
