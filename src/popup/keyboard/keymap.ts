/**
 * wp-admin's comment keys, and a few more. Pure: a key press in, a command out (or nothing).
 */
import { textKeys, undoKey } from '../../shared/moderation.ts';
import { bulkJobKey } from '../../shared/ui/shortcuts.ts';
import { type KeyAction, keyActionKeys } from '../actions/decisions.ts';

export type Command =
  | { kind: 'move'; to: 'next' | 'previous' | 'first' | 'last' }
  | { kind: 'toggleSelect' }
  | { kind: 'selectAll' }
  | { kind: 'act'; action: KeyAction; scope: 'focused' | 'selection' }
  | { kind: 'reply' }
  | { kind: 'approveAndReply' }
  | { kind: 'edit' }
  | { kind: 'undo' }
  | { kind: 'search' }
  | { kind: 'help' }
  | { kind: 'openPage' }
  | { kind: 'openAdmin' }
  | { kind: 'expand' }
  | { kind: 'collapse' }
  | { kind: 'escape' }
  /** everything matching the view and filters on the server, as a job */
  | { kind: 'serverJob' };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** a, u, s, d (z is undo first: see execute's restoreFocused). */
const actionLetters: Record<string, KeyAction> = Object.fromEntries(
  Object.entries(keyActionKeys)
    .filter(([action]) => action !== 'restore')
    .map(([action, key]) => [key, action as KeyAction]),
);

export function commandFor(press: KeyPress): Command | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  // "/" and "?" need Shift on many layouts (German: Shift+7, Shift+ß): ignore Shift for them.
  if (press.key === '/') return { kind: 'search' };
  if (press.key === '?') return { kind: 'help' };
  switch (press.key) {
    case 'ArrowDown':
      return { kind: 'move', to: 'next' };
    case 'ArrowUp':
      return { kind: 'move', to: 'previous' };
    case 'Home':
      return { kind: 'move', to: 'first' };
    case 'End':
      return { kind: 'move', to: 'last' };
    case 'ArrowRight':
    case 'Enter':
      return { kind: 'expand' };
    case 'ArrowLeft':
      return { kind: 'collapse' };
    case 'Escape':
      return { kind: 'escape' };
    case ' ':
      return { kind: 'toggleSelect' };
  }
  if (press.key.length !== 1) return null;
  const letter = press.key.toLowerCase();
  const action = actionLetters[letter];
  if (action) return { kind: 'act', action, scope: press.shiftKey ? 'selection' : 'focused' };
  if (press.shiftKey) return letter === 'x' ? { kind: 'selectAll' } : null;
  switch (letter) {
    case 'j':
      return { kind: 'move', to: 'next' };
    case 'k':
      return { kind: 'move', to: 'previous' };
    case 'x':
      return { kind: 'toggleSelect' };
    case textKeys.reply:
      return { kind: 'reply' };
    case textKeys.approveAndReply:
      return { kind: 'approveAndReply' };
    case textKeys.edit:
      return { kind: 'edit' };
    case undoKey:
      return { kind: 'undo' };
    case 'o':
      return { kind: 'openPage' };
    case 'w':
      return { kind: 'openAdmin' };
    case bulkJobKey:
      return { kind: 'serverJob' };
    default:
      return null;
  }
}
