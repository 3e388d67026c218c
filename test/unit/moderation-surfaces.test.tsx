// @vitest-environment jsdom
/**
 * The popup and the page mean the same by the same key, for every status (issue 14's first bug:
 * on a spam comment `d` deleted permanently in the popup but trashed on the page, and `s`/`u`
 * restored it in the popup but did nothing on the page). Each surface is driven through its own
 * code — the popup's keymap and pure `execute`, the page's action table and toolbar — and checked
 * against one expected table.
 */
import { readFileSync } from 'node:fs';
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { actionsFor, decisionForKey } from '../../src/content/inline/actions.ts';
import { Toolbar } from '../../src/content/inline/Toolbar.tsx';
import { commandFor } from '../../src/popup/keyboard/keymap.ts';
import { displayRows } from '../../src/popup/queue/rows.ts';
import { commentKey, postKey } from '../../src/popup/queue/views.ts';
import type { QueueNow } from '../../src/popup/state/commands.ts';
import { execute } from '../../src/popup/state/execute.ts';
import { initialUiState } from '../../src/popup/state/ui-state.ts';
import { keyOf, textKeys, undoKey } from '../../src/shared/moderation.ts';
import { shortcuts } from '../../src/shared/ui/shortcuts.ts';
import { commentRow } from '../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../support/rows.ts';

const statuses = ['hold', 'approved', 'spam', 'trash'] as const;
const moderationKeys = ['a', 'u', 's', 'd'] as const;

/** wp-admin's meaning (ADR 018); `u` (and `s` on spam) restore and `a` approves at once, as they always did in the popup. */
const expected: Record<(typeof statuses)[number], Record<(typeof moderationKeys)[number], string | null>> = {
  hold: { a: 'approve', u: null, s: 'spam', d: 'trash' },
  approved: { a: null, u: 'unapprove', s: 'spam', d: 'trash' },
  spam: { a: 'approve', u: 'unspam', s: 'unspam', d: 'delete' },
  trash: { a: 'approve', u: 'untrash', s: 'spam', d: 'delete' },
};

/** The buttons each status shows, the same on both surfaces (the page adds its text boxes). */
const buttons: Record<(typeof statuses)[number], string[]> = {
  hold: ['approve', 'spam', 'trash'],
  approved: ['unapprove', 'spam', 'trash'],
  spam: ['unspam', 'delete'],
  trash: ['untrash', 'spam', 'delete'],
};

function popupQueue(status: string, mode: 'moderator' | 'author' = 'moderator'): QueueNow {
  const comments = [commentRow(5, { status })];
  return {
    rows: displayRows(comments, [], new Set()),
    byKey: new Map(comments.map((comment) => [commentKey(comment), comment])),
    matching: comments,
    sites: new Map([[siteId, testSite({ mode, userId: 2 })]]),
    posts: new Map([[postKey(siteId, 4), { siteId, id: 4, title: 'Beitrag', link: '', author: 3 }]]),
    isHidden: () => false,
  };
}

/** What the popup does when the key is pressed on the focused comment: the decision it sends or asks about. */
function popupDecision(key: string, status: string, mode: 'moderator' | 'author' = 'moderator'): string | null {
  const command = commandFor({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false });
  if (!command) return null;
  const { ui, effects } = execute({ ui: initialUiState, queue: popupQueue(status, mode) }, command);
  const sent = effects.find((effect) => effect.type === 'decideStatus');
  const groups = ui.confirm ?? (sent?.type === 'decideStatus' ? sent.groups : []);
  return groups[0]?.action ?? null;
}

describe('the same key does the same on the popup and on the page', () => {
  describe.each(statuses)('on a %s comment', (status) => {
    it.each(moderationKeys)('%s in the popup', (key) => {
      expect(popupDecision(key, status)).toBe(expected[status][key]);
    });

    it.each(moderationKeys)('%s on the page', (key) => {
      expect(decisionForKey(key, status)).toBe(expected[status][key]);
    });

    it('the page shows the same buttons with the same keys; the popup’s buttons are the same', () => {
      const onPage = actionsFor(status, true).filter((action) => buttons[status].includes(action.name));
      expect(onPage.map((action) => action.name)).toEqual(buttons[status]);
      for (const action of onPage) expect(decisionForKey(action.key as string, status)).toBe(action.name);
    });
  });

  it('d on a spam comment: the popup asks before deleting it for good; the page’s toolbar offers not spam (s) and delete (d)', () => {
    const asked = execute(
      { ui: initialUiState, queue: popupQueue('spam') },
      commandFor({ key: 'd', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false }) as never,
    );
    expect(asked.effects).toEqual([]);
    expect(asked.ui.confirm).toEqual([{ action: 'delete', keys: [commentKey({ siteId, id: 5 })] }]);

    const { container } = render(
      <Toolbar
        author="Leser"
        status="spam"
        canModerate
        decision={null}
        now={0}
        current
        onAction={() => {}}
        onUndo={() => {}}
      />,
    );
    const shown = [...container.querySelectorAll('button[data-action]')].map((button) => [
      button.getAttribute('data-action'),
      button.getAttribute('aria-keyshortcuts'),
    ]);
    expect(shown).toEqual([
      ['unspam', 's'],
      ['delete', 'd'],
      ['openAdmin', null],
      ['details', null],
      ['history', null],
    ]);
  });

  it('z restores a spam or trash comment in the popup when there is nothing to undo', () => {
    const restore = (status: string) => {
      const { effects } = execute({ ui: initialUiState, queue: popupQueue(status) }, { kind: 'restoreFocused' });
      const sent = effects.find((effect) => effect.type === 'decideStatus');
      return sent?.type === 'decideStatus' ? sent.groups[0]?.action : null;
    };
    expect(restore('spam')).toBe('unspam');
    expect(restore('trash')).toBe('untrash');
    expect(restore('hold')).toBeNull();
  });

  it('nobody gets a key that will fail: an author on someone else’s post, a reader on the page', () => {
    for (const status of statuses)
      for (const key of moderationKeys) expect(popupDecision(key, status, 'author')).toBeNull();
    for (const status of statuses) expect(actionsFor(status, false)).toEqual([]);
  });
});

describe('the help and the README name the keys the model uses', () => {
  const modelKeys = [
    ...(['approve', 'unapprove', 'spam', 'trash'] as const).map((decision) => keyOf(decision)),
    textKeys.reply,
    textKeys.approveAndReply,
    textKeys.edit,
    undoKey,
  ];

  it('the help overlay lists each of them, and Shift+ for the selection', () => {
    const listed = shortcuts.flatMap((shortcut) => shortcut.keys);
    for (const key of modelKeys) expect(listed).toContain(key);
    for (const key of modelKeys.slice(0, 4)) expect(listed).toContain(`Shift+${key}`);
  });

  it('the README promises the same keys on the page and in the popup', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    const list = modelKeys.map((key) => `\`${key}\``).join(' ');
    expect(readme.split(list).length - 1).toBe(2);
  });
});
