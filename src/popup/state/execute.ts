/**
 * Every command as a pure function of the state: the popup's own state and the queue on screen in,
 * the next state and the effects out (sending decisions, announcing, moving the focus). Tested
 * without rendering (test/unit/popup/execute.test.ts); use-popup-store.ts runs the effects.
 */
import type { CommentRow } from '../../shared/db/index.ts';
import { decisionFor, type KeyAction, type StatusAction } from '../actions/decisions.ts';
import type { StatusGroup } from '../actions/use-decisions.ts';
import { formatNumber } from '../format.ts';
import { canModerate } from '../queue/permissions.ts';
import { keysOf } from '../queue/rows.ts';
import { commentKey, postKey, statusInView, statusViews } from '../queue/views.ts';
import type { Effect, PopupCommand, QueueNow } from './commands.ts';
import { activeIndexOf, focusedRowOf } from './selectors.ts';
import { reduce, type UiAction, type UiState } from './ui-state.ts';

export interface PopupState {
  ui: UiState;
  queue: QueueNow;
}

export interface Outcome {
  ui: UiState;
  effects: Effect[];
}

export function execute({ ui: before, queue }: PopupState, command: PopupCommand): Outcome {
  let ui = before;
  const effects: Effect[] = [];
  const dispatch = (action: UiAction) => {
    ui = reduce(ui, action);
  };
  const announce = (message: Extract<Effect, { type: 'announce' }>['message'], substitutions?: string[]) =>
    effects.push(substitutions ? { type: 'announce', message, substitutions } : { type: 'announce', message });

  const { rows } = queue;
  const activeIndex = activeIndexOf(ui.active, rows);
  const focusedRow = () => focusedRowOf(rows, activeIndex, queue.isHidden);
  const focusedComment = () => {
    const row = focusedRow();
    return row?.kind === 'comment' ? row.comment : null;
  };
  const permitted = (comment: CommentRow) =>
    canModerate(queue.sites.get(comment.siteId), queue.posts.get(postKey(comment.siteId, comment.post)));

  /** Groups comments by what the key means for each, leaving out what the user may not do. */
  const groupsFor = (keys: readonly string[], decide: (status: string) => StatusAction | null) => {
    const groups = new Map<StatusAction, string[]>();
    for (const key of keys) {
      const comment = queue.byKey.get(key);
      if (!comment || !permitted(comment)) continue;
      const action = decide(comment.status);
      if (action === null) continue;
      groups.set(action, [...(groups.get(action) ?? []), key]);
    }
    return [...groups].map(([action, groupKeys]): StatusGroup => ({ action, keys: groupKeys }));
  };

  const decide = (groups: StatusGroup[]) => {
    if (groups.length === 0) announce('nothingToDo');
    // Deleting permanently cannot be undone: ask first.
    else if (groups.some((group) => group.action === 'delete')) dispatch({ type: 'askConfirm', groups });
    else effects.push({ type: 'decideStatus', groups, view: ui.filter.view });
  };

  const keyAct = (action: KeyAction, scope: 'focused' | 'selection') => {
    const row = focusedRow();
    const keys = scope === 'selection' ? [...ui.selected] : row ? keysOf(row) : [];
    if (scope === 'selection' && keys.length === 0) {
      announce('nothingSelected');
      return;
    }
    decide(groupsFor(keys, (status) => decisionFor(action, status)));
    if (scope === 'selection') dispatch({ type: 'select', keys: [] });
  };

  const moveTo = (index: number) => {
    if (rows.length === 0) return;
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    dispatch({ type: 'setActive', key: rows[clamped]?.key ?? null, index: clamped });
    effects.push({ type: 'focusList' });
  };

  const openEditorOnFocused = (kind: 'reply' | 'edit', approve: boolean) => {
    const comment = focusedComment();
    if (!comment) {
      announce('replyNeedsOneComment');
      return;
    }
    if (kind === 'edit' && (!permitted(comment) || comment.contentRaw === null)) {
      announce('editNotPossible');
      return;
    }
    const editor = { kind, approve: approve && permitted(comment), focus: true };
    dispatch({ type: 'openEditor', key: focusedRow()?.key ?? '', editor });
  };

  const openComment = (key: string, where: 'page' | 'admin') => {
    const comment = queue.byKey.get(key);
    const site = comment && queue.sites.get(comment.siteId);
    if (comment && site) effects.push({ type: 'openComment', comment, site, where });
  };

  switch (command.kind) {
    case 'move': {
      const to = { next: activeIndex + 1, previous: activeIndex - 1, first: 0, last: rows.length - 1 }[command.to];
      moveTo(to);
      break;
    }
    case 'toggleSelect': {
      const row = focusedRow();
      if (row) dispatch({ type: 'toggleSelected', keys: keysOf(row) });
      break;
    }
    case 'selectAll': {
      const all = queue.matching.map(commentKey);
      const everything = all.length > 0 && all.length === ui.selected.size;
      dispatch({ type: 'select', keys: everything ? [] : all });
      if (everything) announce('selectionCleared');
      else announce('selectedCount', [formatNumber(all.length)]);
      break;
    }
    case 'act':
      keyAct(command.action, command.scope);
      break;
    case 'reply':
      openEditorOnFocused('reply', false);
      break;
    case 'approveAndReply':
      openEditorOnFocused('reply', true);
      break;
    case 'edit':
      openEditorOnFocused('edit', false);
      break;
    case 'undo':
      effects.push({ type: 'undoLast' });
      break;
    case 'restoreFocused': {
      const comment = focusedComment();
      if (comment && (comment.status === 'spam' || comment.status === 'trash')) keyAct('restore', 'focused');
      else announce('nothingToUndo');
      break;
    }
    case 'search':
      effects.push({ type: 'focusSearch' });
      break;
    case 'help':
      dispatch({ type: 'toggleHelp' });
      break;
    case 'openPage':
    case 'openAdmin': {
      const comment = focusedComment();
      if (comment) openComment(commentKey(comment), command.kind === 'openPage' ? 'page' : 'admin');
      break;
    }
    case 'expand':
    case 'collapse': {
      const row = focusedRow();
      if (row?.kind === 'cluster')
        dispatch({ type: 'toggleExpanded', clusterKey: row.cluster.key, open: command.kind === 'expand' });
      else if (row?.kind === 'comment' && row.cluster && command.kind === 'collapse') {
        dispatch({ type: 'toggleExpanded', clusterKey: row.cluster.key, open: false });
        const index = rows.findIndex((candidate) => candidate.key === `cluster:${row.cluster?.key}`);
        if (index >= 0) moveTo(index);
      }
      break;
    }
    case 'escape':
      if (ui.selected.size > 0) {
        dispatch({ type: 'select', keys: [] });
        announce('selectionCleared');
      }
      break;
    case 'actOn':
      decide(
        groupsFor(command.keys, (status) =>
          command.action === 'approve' && status === 'approved' ? null : command.action,
        ),
      );
      break;
    case 'focusRow':
      if (command.index !== activeIndex)
        dispatch({ type: 'setActive', key: rows[command.index]?.key ?? null, index: command.index });
      break;
    case 'toggleSelected':
      dispatch({ type: 'toggleSelected', keys: command.keys });
      break;
    case 'toggleExpanded':
      dispatch({ type: 'toggleExpanded', clusterKey: command.clusterKey });
      break;
    case 'openEditor':
      dispatch({ type: 'openEditor', key: command.key, editor: command.editor });
      break;
    case 'closeEditor':
      dispatch({ type: 'closeEditor', key: command.key });
      effects.push({ type: 'focusList' });
      break;
    case 'submitText': {
      const leaves = command.decision === 'approveAndReply' && !statusInView(ui.filter.view, 'approved');
      effects.push({
        type: 'decideText',
        key: command.key,
        decision: command.decision,
        content: command.content,
        leaves,
      });
      break;
    }
    case 'openComment':
      openComment(command.key, command.where);
      break;
    case 'undoRows':
      effects.push({ type: 'undoRows', outboxIds: command.outboxIds, keys: command.keys });
      break;
    case 'retryRow':
      effects.push({ type: 'retry', outboxId: command.outboxId });
      break;
    case 'dismissRow':
      effects.push({ type: 'dismiss', row: command.row });
      break;
    case 'confirmDelete':
      // Nothing deleted stays in any view.
      if (ui.confirm) effects.push({ type: 'decideStatus', groups: ui.confirm, view: null });
      break;
    case 'cancelDelete':
      dispatch({ type: 'closeConfirm' });
      effects.push({ type: 'focusList' });
      break;
    case 'serverJob':
      // "Mine" spans statuses: no server filter says it. Everything else the sheet works out.
      if (ui.filter.view === 'mine') announce('jobNotInMine');
      else dispatch({ type: 'openJobSheet', opening: { from: 'filter', filter: ui.filter } });
      break;
    case 'emptyView': {
      const { view, siteId } = ui.filter;
      if (view === 'spam' || view === 'trash')
        dispatch({ type: 'openJobSheet', opening: { from: 'empty', view, siteId } });
      break;
    }
    case 'clusterJob': {
      const row = rows.find(
        (candidate) => candidate.kind === 'cluster' && candidate.cluster.key === command.clusterKey,
      );
      if (row?.kind !== 'cluster') break;
      // In "Mine" the members' status decides; elsewhere the view's.
      const status = ui.filter.view === 'mine' ? row.comments[0]?.status : ui.filter.view;
      const known = statusViews.find((view) => view === status);
      if (known === undefined) break;
      dispatch({
        type: 'openJobSheet',
        opening: { from: 'cluster', cluster: row.cluster, comments: row.comments, status: known },
      });
      break;
    }
  }
  return { ui, effects };
}
