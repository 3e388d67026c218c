/**
 * The popup's state and commands as pure functions, without rendering: what a key or a click does
 * to the state (reduce, execute) and which effects it asks for.
 */
import { describe, expect, it } from 'vitest';
import type { SiteCluster } from '../../../src/popup/queue/clusters.ts';
import { displayRows } from '../../../src/popup/queue/rows.ts';
import { commentKey, postKey } from '../../../src/popup/queue/views.ts';
import type { PopupCommand, QueueNow } from '../../../src/popup/state/commands.ts';
import { execute } from '../../../src/popup/state/execute.ts';
import { activeIndexOf, draftCommentKeys, editorFor } from '../../../src/popup/state/selectors.ts';
import { initialUiState, reduce, type UiState } from '../../../src/popup/state/ui-state.ts';
import type { CommentRow, DraftRow } from '../../../src/shared/db/index.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const key = (id: number) => commentKey({ siteId, id });

/** The queue on screen: comments newest first, optionally a cluster of some of them. */
function queueOf(
  comments: CommentRow[],
  options: { cluster?: number[]; expanded?: boolean; hidden?: number[]; mode?: 'moderator' | 'author' } = {},
): QueueNow {
  const clusters: SiteCluster[] = options.cluster
    ? [{ key: `${siteId}\nrt`, siteId, post: 4, reason: 'same-text', members: options.cluster.map(key) } as SiteCluster]
    : [];
  const rows = displayRows(comments, clusters, new Set(options.expanded ? [`${siteId}\nrt`] : []));
  const hidden = new Set((options.hidden ?? []).map(key));
  return {
    rows,
    byKey: new Map(comments.map((comment) => [commentKey(comment), comment])),
    matching: comments,
    sites: new Map([[siteId, testSite({ mode: options.mode ?? 'moderator', userId: 2 })]]),
    posts: new Map([[postKey(siteId, 4), { siteId, id: 4, title: 'Beitrag', link: '', author: 3 }]]),
    isHidden: (k) => hidden.has(k),
  };
}

// Made oldest first (each later row is newer), listed newest first.
const three = () => [commentRow(1), commentRow(2), commentRow(3)].reverse();
const run = (queue: QueueNow, command: PopupCommand, ui: UiState = initialUiState) => execute({ ui, queue }, command);
const at = (index: number, queue: QueueNow): UiState => ({
  ...initialUiState,
  active: { key: queue.rows[index]?.key ?? null, index },
});

describe('moving', () => {
  it('j/k/Home/End move the focus within the rows, and the list keeps the focus', () => {
    const queue = queueOf(three());
    const down = run(queue, { kind: 'move', to: 'next' });
    expect(down.ui.active).toEqual({ key: key(2), index: 1 });
    expect(down.effects).toEqual([{ type: 'focusList' }]);
    expect(run(queue, { kind: 'move', to: 'previous' }).ui.active).toEqual({ key: key(3), index: 0 });
    expect(run(queue, { kind: 'move', to: 'last' }).ui.active).toEqual({ key: key(1), index: 2 });
    expect(run(queue, { kind: 'move', to: 'next' }, at(2, queue)).ui.active.index).toBe(2);
    expect(run(queueOf([]), { kind: 'move', to: 'next' })).toEqual({ ui: initialUiState, effects: [] });
  });

  it('the focused row is found again by its key when rows come and go', () => {
    const queue = queueOf(three());
    expect(activeIndexOf({ key: key(1), index: 0 }, queue.rows)).toBe(2);
    expect(activeIndexOf({ key: 'gone', index: 7 }, queue.rows)).toBe(2);
    expect(activeIndexOf({ key: null, index: 0 }, [])).toBe(-1);
  });

  it('a click focuses a row; the same row again changes nothing', () => {
    const queue = queueOf(three());
    expect(run(queue, { kind: 'focusRow', index: 1 }).ui.active).toEqual({ key: key(2), index: 1 });
    const state = at(1, queue);
    expect(run(queue, { kind: 'focusRow', index: 1 }, state).ui).toBe(state);
  });
});

describe('deciding', () => {
  it('a on a pending comment approves it; the view decides what stays', () => {
    expect(run(queueOf(three()), { kind: 'act', action: 'approve', scope: 'focused' }).effects).toEqual([
      { type: 'decideStatus', groups: [{ action: 'approve', keys: [key(3)] }], view: 'hold' },
    ]);
  });

  it('a comment just decided about (not re-rendered yet) counts as gone: the key acts on the next', () => {
    const queue = queueOf(three(), { hidden: [3] });
    expect(run(queue, { kind: 'act', action: 'spam', scope: 'focused' }).effects).toEqual([
      { type: 'decideStatus', groups: [{ action: 'spam', keys: [key(2)] }], view: 'hold' },
    ]);
  });

  it('d on spam asks before deleting for good; confirming sends it, nothing of it stays', () => {
    const queue = queueOf([commentRow(5, { status: 'spam' })]);
    const asked = run(queue, { kind: 'act', action: 'trash', scope: 'focused' });
    expect(asked.effects).toEqual([]);
    expect(asked.ui.confirm).toEqual([{ action: 'delete', keys: [key(5)] }]);
    expect(run(queue, { kind: 'confirmDelete' }, asked.ui).effects).toEqual([
      { type: 'decideStatus', groups: [{ action: 'delete', keys: [key(5)] }], view: null },
    ]);
    const cancelled = run(queue, { kind: 'cancelDelete' }, asked.ui);
    expect(cancelled.ui.confirm).toBeNull();
    expect(cancelled.effects).toEqual([{ type: 'focusList' }]);
  });

  it('nothing to do says so: approving an approved comment, an author on a post of someone else', () => {
    const approved = queueOf([commentRow(6, { status: 'approved' })]);
    expect(run(approved, { kind: 'act', action: 'approve', scope: 'focused' }).effects).toEqual([
      { type: 'announce', message: 'nothingToDo' },
    ]);
    const author = queueOf(three(), { mode: 'author' });
    expect(run(author, { kind: 'actOn', keys: [key(1)], action: 'spam' }).effects).toEqual([
      { type: 'announce', message: 'nothingToDo' },
    ]);
  });

  it('Shift acts on the selection and clears it; without a selection it says so', () => {
    const queue = queueOf(three());
    const selected = { ...initialUiState, selected: new Set([key(1), key(2)]) };
    const done = run(queue, { kind: 'act', action: 'trash', scope: 'selection' }, selected);
    expect(done.effects).toEqual([
      { type: 'decideStatus', groups: [{ action: 'trash', keys: [key(1), key(2)] }], view: 'hold' },
    ]);
    expect(done.ui.selected.size).toBe(0);
    expect(run(queue, { kind: 'act', action: 'trash', scope: 'selection' }).effects).toEqual([
      { type: 'announce', message: 'nothingSelected' },
    ]);
  });

  it('on a cluster row a key decides about every member', () => {
    const queue = queueOf(three(), { cluster: [3, 2, 1] });
    expect(run(queue, { kind: 'act', action: 'spam', scope: 'focused' }).effects).toEqual([
      { type: 'decideStatus', groups: [{ action: 'spam', keys: [key(3), key(2), key(1)] }], view: 'hold' },
    ]);
  });

  it('z undoes the last decision; with nothing to undo it restores a spam comment, else says so', () => {
    expect(run(queueOf(three()), { kind: 'undo' }).effects).toEqual([{ type: 'undoLast' }]);
    expect(run(queueOf([commentRow(7, { status: 'spam' })]), { kind: 'restoreFocused' }).effects).toEqual([
      { type: 'decideStatus', groups: [{ action: 'unspam', keys: [key(7)] }], view: 'hold' },
    ]);
    expect(run(queueOf(three()), { kind: 'restoreFocused' }).effects).toEqual([
      { type: 'announce', message: 'nothingToUndo' },
    ]);
  });
});

describe('selecting', () => {
  it('x toggles the focused row; Shift+X selects all matching, again clears; Esc clears', () => {
    const queue = queueOf(three());
    const one = run(queue, { kind: 'toggleSelect' });
    expect([...one.ui.selected]).toEqual([key(3)]);
    expect(run(queue, { kind: 'toggleSelect' }, one.ui).ui.selected.size).toBe(0);
    const all = run(queue, { kind: 'selectAll' });
    expect(all.ui.selected.size).toBe(3);
    expect(all.effects).toEqual([{ type: 'announce', message: 'selectedCount', substitutions: ['3'] }]);
    const none = run(queue, { kind: 'selectAll' }, all.ui);
    expect(none.ui.selected.size).toBe(0);
    expect(none.effects).toEqual([{ type: 'announce', message: 'selectionCleared' }]);
    expect(run(queue, { kind: 'escape' }, all.ui).ui.selected.size).toBe(0);
    expect(run(queue, { kind: 'escape' })).toEqual({ ui: initialUiState, effects: [] });
  });

  it('a changed filter starts the selection and the focus over', () => {
    const queue = queueOf(three());
    const busy = { ...at(2, queue), selected: new Set([key(1)]) };
    const next = reduce(busy, { type: 'changeFilter', change: { view: 'spam', post: null } });
    expect(next.filter).toMatchObject({ view: 'spam', post: null, search: '' });
    expect(next.selected.size).toBe(0);
    expect(next.active).toEqual({ key: null, index: 0 });
  });
});

describe('clusters', () => {
  it('→ opens the focused cluster, ← on a member closes it and focuses the cluster row', () => {
    const closed = queueOf(three(), { cluster: [3, 2, 1] });
    expect([...run(closed, { kind: 'expand' }).ui.expanded]).toEqual([`${siteId}\nrt`]);
    const open = queueOf(three(), { cluster: [3, 2, 1], expanded: true });
    const state = { ...at(2, open), expanded: new Set([`${siteId}\nrt`]) };
    const back = run(open, { kind: 'collapse' }, state);
    expect(back.ui.expanded.size).toBe(0);
    expect(back.ui.active).toEqual({ key: `cluster:${siteId}\nrt`, index: 0 });
  });
});

describe('reply and edit boxes', () => {
  it('r opens a reply on the focused comment, q with "approve" first, e an edit where allowed', () => {
    const queue = queueOf(three());
    expect(run(queue, { kind: 'reply' }).ui.editors.opened.get(key(3))).toEqual({
      kind: 'reply',
      approve: false,
      focus: true,
    });
    expect(run(queue, { kind: 'approveAndReply' }).ui.editors.opened.get(key(3))?.approve).toBe(true);
    expect(run(queue, { kind: 'edit' }).ui.editors.opened.get(key(3))?.kind).toBe('edit');
    const author = queueOf(three(), { mode: 'author' });
    expect(run(author, { kind: 'edit' }).effects).toEqual([{ type: 'announce', message: 'editNotPossible' }]);
    expect(run(author, { kind: 'approveAndReply' }).ui.editors.opened.get(key(3))?.approve).toBe(false);
    const cluster = queueOf(three(), { cluster: [3, 2, 1] });
    expect(run(cluster, { kind: 'reply' }).effects).toEqual([{ type: 'announce', message: 'replyNeedsOneComment' }]);
  });

  it('a saved draft opens its box until closed here; a box opened here wins', () => {
    const draft: DraftRow = { siteId, commentId: 2, kind: 'reply', content: 'Danke', updatedAt: 0 };
    const drafts = new Map([[`${key(2)}\nreply`, draft]]);
    expect(editorFor(initialUiState.editors, drafts, key(2))).toEqual({ kind: 'reply', approve: false, focus: false });
    expect([...draftCommentKeys(drafts)]).toEqual([key(2)]);
    const closed = reduce(initialUiState, { type: 'closeEditor', key: key(2) });
    expect(editorFor(closed.editors, drafts, key(2))).toBeNull();
    const reopened = reduce(closed, {
      type: 'openEditor',
      key: key(2),
      editor: { kind: 'edit', approve: false, focus: true },
    });
    expect(editorFor(reopened.editors, drafts, key(2))?.kind).toBe('edit');
  });

  it('sending the text: the comment leaves the view when approving moves it out; closing gives the list the focus', () => {
    const queue = queueOf(three());
    expect(
      run(queue, { kind: 'submitText', key: key(3), decision: 'approveAndReply', content: 'Danke' }).effects,
    ).toEqual([{ type: 'decideText', key: key(3), decision: 'approveAndReply', content: 'Danke', leaves: true }]);
    const approvedView = reduce(initialUiState, { type: 'changeFilter', change: { view: 'approved' } });
    expect(
      run(queue, { kind: 'submitText', key: key(3), decision: 'approveAndReply', content: 'Danke' }, approvedView)
        .effects[0],
    ).toMatchObject({ leaves: false });
    const open = run(queue, { kind: 'reply' }).ui;
    const closed = run(queue, { kind: 'closeEditor', key: key(3) }, open);
    expect(closed.ui.editors.opened.size).toBe(0);
    expect(closed.effects).toEqual([{ type: 'focusList' }]);
  });
});

describe('elsewhere', () => {
  it('o/w open the focused comment on its page or in wp-admin; / goes to the search; ? toggles the help', () => {
    const queue = queueOf(three());
    expect(run(queue, { kind: 'openPage' }).effects).toMatchObject([{ type: 'openComment', where: 'page' }]);
    expect(run(queue, { kind: 'openAdmin' }).effects).toMatchObject([{ type: 'openComment', where: 'admin' }]);
    expect(run(queue, { kind: 'search' }).effects).toEqual([{ type: 'focusSearch' }]);
    const help = run(queue, { kind: 'help' }).ui;
    expect(help.help).toBe(true);
    expect(run(queue, { kind: 'help' }, help).ui.help).toBe(false);
  });

  it('a state that does not change stays the same object (nothing re-renders)', () => {
    expect(reduce(initialUiState, { type: 'closeConfirm' })).toBe(initialUiState);
    expect(reduce(initialUiState, { type: 'setHelp', open: false })).toBe(initialUiState);
    expect(reduce(initialUiState, { type: 'refocus' })).not.toBe(initialUiState);
  });
});
