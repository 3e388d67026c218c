/**
 * Keys to commands and what a key means per status. (Rough text and clusters have their own files;
 * these two move into the shared moderation model's table tests when it owns keys and decisions.)
 */
import { describe, expect, it } from 'vitest';
import { decisionFor } from '../../../src/popup/actions/decisions.ts';
import { commandFor } from '../../../src/popup/keyboard/keymap.ts';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) =>
  commandFor({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keys', () => {
  it("are wp-admin's, with Shift for the selection", () => {
    expect(key('j')).toEqual({ kind: 'move', to: 'next' });
    expect(key('k')).toEqual({ kind: 'move', to: 'previous' });
    expect(key('a')).toEqual({ kind: 'act', action: 'approve', scope: 'focused' });
    expect(key('A', { shiftKey: true })).toEqual({ kind: 'act', action: 'approve', scope: 'selection' });
    expect(key('D', { shiftKey: true })).toEqual({ kind: 'act', action: 'trash', scope: 'selection' });
    expect(key('X', { shiftKey: true })).toEqual({ kind: 'selectAll' });
    expect(key('x')).toEqual({ kind: 'toggleSelect' });
    expect(key('q')).toEqual({ kind: 'approveAndReply' });
    expect(key('z')).toEqual({ kind: 'undo' });
  });

  it('/ and ? work with Shift (German keyboards), nothing works with Ctrl', () => {
    expect(key('/', { shiftKey: true })).toEqual({ kind: 'search' });
    expect(key('?', { shiftKey: true })).toEqual({ kind: 'help' });
    expect(key('a', { ctrlKey: true })).toBeNull();
    expect(key('J', { shiftKey: true })).toBeNull();
    expect(key('F5')).toBeNull();
  });

  it('mean what wp-admin means for each status', () => {
    expect(decisionFor('spam', 'hold')).toBe('spam');
    expect(decisionFor('spam', 'spam')).toBe('unspam');
    expect(decisionFor('trash', 'approved')).toBe('trash');
    expect(decisionFor('trash', 'trash')).toBe('delete');
    expect(decisionFor('trash', 'spam')).toBe('delete');
    expect(decisionFor('unapprove', 'trash')).toBe('untrash');
    expect(decisionFor('unapprove', 'hold')).toBeNull();
    expect(decisionFor('approve', 'approved')).toBeNull();
  });
});
