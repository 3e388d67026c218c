/** The popup's keyboard shortcuts, for its help overlay and the options page. */
import type { MessageKey } from '../i18n.ts';

export interface Shortcut {
  keys: string[];
  label: MessageKey;
}

export const shortcuts: Shortcut[] = [
  { keys: ['j', 'k'], label: 'keyMove' },
  { keys: ['x'], label: 'keySelect' },
  { keys: ['Shift+x'], label: 'keySelectAll' },
  { keys: ['a'], label: 'keyApprove' },
  { keys: ['u'], label: 'keyUnapprove' },
  { keys: ['s'], label: 'keySpam' },
  { keys: ['d'], label: 'keyTrash' },
  { keys: ['Shift+a', 'Shift+u', 'Shift+s', 'Shift+d'], label: 'keyOnSelection' },
  { keys: ['r'], label: 'keyReply' },
  { keys: ['q'], label: 'keyApproveAndReply' },
  { keys: ['e'], label: 'keyEdit' },
  { keys: ['z'], label: 'keyUndo' },
  { keys: ['Enter', '→', '←'], label: 'keyExpand' },
  { keys: ['o'], label: 'keyOpenPage' },
  { keys: ['w'], label: 'keyOpenAdmin' },
  { keys: ['/'], label: 'keySearch' },
  { keys: ['?'], label: 'keyHelp' },
  { keys: ['Esc'], label: 'keyEscape' },
];
