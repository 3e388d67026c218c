/**
 * Everything the user can do in the queue, by key or by click, as one stable set of commands that
 * always acts on the current state (read through `latest`, so key handlers never see stale rows).
 */
import { useMemo, useRef } from 'preact/hooks';
import type { CommentRow, OutboxRow, PostRow, SiteRow } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/messages.ts';
import { decisionFor, type KeyAction, type StatusAction } from './actions/decisions.ts';
import type { DecisionsApi, StatusGroup } from './actions/use-decisions.ts';
import { formatNumber } from './format.ts';
import type { Command } from './keyboard/keymap.ts';
import { openComment } from './open-comment.ts';
import { canModerate } from './queue/permissions.ts';
import { type DisplayRow, keysOf } from './queue/rows.ts';
import { postKey, statusInView, type ViewName } from './queue/views.ts';
import type { QueueCommands } from './queue-context.ts';
import type { EditorState } from './reply/use-editors.ts';

export interface Latest {
  view: ViewName;
  rows: readonly DisplayRow[];
  activeIndex: number;
  byKey: ReadonlyMap<string, CommentRow>;
  matching: readonly CommentRow[];
  selected: ReadonlySet<string>;
  sites: ReadonlyMap<string, SiteRow>;
  posts: ReadonlyMap<string, PostRow>;
  expanded: ReadonlySet<string>;
}

export interface Setters {
  setActive: (active: { key: string | null; index: number }) => void;
  setSelected: (selected: ReadonlySet<string>) => void;
  setExpanded: (expanded: ReadonlySet<string>) => void;
  setConfirm: (groups: StatusGroup[] | null) => void;
  setHelp: (update: (open: boolean) => boolean) => void;
  openEditor: (key: string, editor: EditorState) => void;
  closeEditor: (key: string) => void;
  focusList: () => void;
  focusSearch: () => void;
}

export function useCommands(latest: { current: Latest }, currentDecisions: DecisionsApi, currentSetters: Setters) {
  const decisionsRef = useRef(currentDecisions);
  decisionsRef.current = currentDecisions;
  const settersRef = useRef(currentSetters);
  settersRef.current = currentSetters;
  return useMemo(() => {
    const now = () => latest.current;
    // Always the current ones (the undo window, for one, is read after the first render).
    const decisions: DecisionsApi = new Proxy({} as DecisionsApi, {
      get: (_, name) => decisionsRef.current[name as keyof DecisionsApi],
    });
    const set: Setters = new Proxy({} as Setters, { get: (_, name) => settersRef.current[name as keyof Setters] });
    const stays = (status: string) => statusInView(now().view, status);
    const permitted = (comment: CommentRow) =>
      canModerate(now().sites.get(comment.siteId), now().posts.get(postKey(comment.siteId, comment.post)));

    /** Groups comments by what the key means for each, leaving out what the user may not do. */
    const groupsFor = (keys: readonly string[], decide: (comment: CommentRow) => StatusAction | null) => {
      const groups = new Map<StatusAction, string[]>();
      for (const key of keys) {
        const comment = now().byKey.get(key);
        if (!comment || !permitted(comment)) continue;
        const action = decide(comment);
        if (action === null) continue;
        groups.set(action, [...(groups.get(action) ?? []), key]);
      }
      return [...groups].map(([action, groupKeys]): StatusGroup => ({ action, keys: groupKeys }));
    };

    const run = (groups: StatusGroup[]) => {
      if (groups.length === 0) {
        decisions.announce(t('nothingToDo'));
        return;
      }
      // Deleting permanently cannot be undone: ask first.
      if (groups.some((group) => group.action === 'delete')) set.setConfirm(groups);
      else void decisions.decideStatus(groups, stays);
    };

    /** The focused row; one just decided about (not re-rendered yet) counts as gone: the next one. */
    const focusedRow = () => {
      const { rows, activeIndex } = now();
      for (let index = Math.max(0, activeIndex); index < rows.length; index++) {
        const row = rows[index];
        if (row && !keysOf(row).every((key) => decisions.isHidden(key))) return row;
      }
      return undefined;
    };
    const focusedComment = (): CommentRow | null => {
      const row = focusedRow();
      return row?.kind === 'comment' ? row.comment : null;
    };

    const moveTo = (index: number) => {
      const rows = now().rows;
      if (rows.length === 0) return;
      const clamped = Math.max(0, Math.min(rows.length - 1, index));
      set.setActive({ key: rows[clamped]?.key ?? null, index: clamped });
      set.focusList();
    };

    const toggleSelected = (keys: readonly string[]) => {
      const next = new Set<string>(now().selected);
      const all = keys.every((key) => next.has(key));
      for (const key of keys) {
        if (all) next.delete(key);
        else next.add(key);
      }
      set.setSelected(next);
    };

    const toggleExpanded = (clusterKey: string, open?: boolean) => {
      const next = new Set<string>(now().expanded);
      const opening = open ?? !next.has(clusterKey);
      if (opening) next.add(clusterKey);
      else next.delete(clusterKey);
      set.setExpanded(next);
    };

    const openEditorOnFocused = (kind: 'reply' | 'edit', approve: boolean) => {
      const comment = focusedComment();
      if (!comment) {
        decisions.announce(t('replyNeedsOneComment'));
        return;
      }
      if (kind === 'edit' && (!permitted(comment) || comment.contentRaw === null)) {
        decisions.announce(t('editNotPossible'));
        return;
      }
      set.openEditor(focusedRow()?.key ?? '', { kind, approve: approve && permitted(comment), focus: true });
    };

    const commands: QueueCommands = {
      act(keys, action) {
        run(groupsFor(keys, (comment) => (action === 'approve' && comment.status === 'approved' ? null : action)));
      },
      focusRow(index) {
        const rows = now().rows;
        if (index !== now().activeIndex) set.setActive({ key: rows[index]?.key ?? null, index });
      },
      toggleSelected,
      toggleExpanded: (key) => toggleExpanded(key),
      openEditor: set.openEditor,
      closeEditor(key) {
        set.closeEditor(key);
        set.focusList();
      },
      async submitText(key, decision, content) {
        const leaves = decision === 'approveAndReply' && !stays('approved');
        await decisions.decideText(key, decision, content, leaves);
        set.closeEditor(key);
        set.focusList();
      },
      openComment(key, where) {
        const comment = now().byKey.get(key);
        const site = comment && now().sites.get(comment.siteId);
        if (comment && site) void openComment(comment, site, where);
      },
      undoRows: (outboxIds, keys) => void decisions.undoRows(outboxIds, keys),
      retryRow(outboxId) {
        sendToBackground({ type: 'retry', outboxId }).catch((error: Error) =>
          decisions.announce(t('decisionFailed', [error.message])),
        );
      },
      dismissRow(row: OutboxRow) {
        void (async () => {
          // A reply or edit that failed goes back to being a draft: its text is never lost.
          if ((row.decision === 'reply' || row.decision === 'edit') && row.content) {
            await sendToBackground({
              type: 'saveDraft',
              siteId: row.siteId,
              commentId: row.commentId,
              kind: row.decision,
              content: row.content,
            }).catch(() => undefined);
          }
          await decisions.undoRows([row.id ?? 0], []);
        })();
      },
    };

    const keyAct = (action: KeyAction, scope: 'focused' | 'selection') => {
      const row = focusedRow();
      const keys = scope === 'selection' ? [...now().selected] : row ? keysOf(row) : [];
      if (scope === 'selection' && keys.length === 0) {
        decisions.announce(t('nothingSelected'));
        return;
      }
      run(groupsFor(keys, (comment) => decisionFor(action, comment.status)));
      if (scope === 'selection') set.setSelected(new Set());
    };

    const execute = (command: Command) => {
      const { rows, activeIndex } = now();
      switch (command.kind) {
        case 'move': {
          const to =
            command.to === 'next'
              ? activeIndex + 1
              : command.to === 'previous'
                ? activeIndex - 1
                : command.to === 'first'
                  ? 0
                  : rows.length - 1;
          moveTo(to);
          return;
        }
        case 'toggleSelect': {
          const row = focusedRow();
          if (row) toggleSelected(keysOf(row));
          return;
        }
        case 'selectAll': {
          const all = now().matching.map((comment) => `${comment.siteId}\n${comment.id}`);
          const everything = all.length > 0 && all.length === now().selected.size;
          set.setSelected(everything ? new Set() : new Set(all));
          decisions.announce(everything ? t('selectionCleared') : t('selectedCount', [formatNumber(all.length)]));
          return;
        }
        case 'act':
          keyAct(command.action, command.scope);
          return;
        case 'reply':
          openEditorOnFocused('reply', false);
          return;
        case 'approveAndReply':
          openEditorOnFocused('reply', true);
          return;
        case 'edit':
          openEditorOnFocused('edit', false);
          return;
        case 'undo':
          void decisions.undoLast().then((undone) => {
            if (undone) return;
            // Nothing to undo here: in Spam and Trash, z restores the focused comment (as in wp-admin).
            const comment = focusedComment();
            if (comment && (comment.status === 'spam' || comment.status === 'trash')) keyAct('unapprove', 'focused');
            else decisions.announce(t('nothingToUndo'));
          });
          return;
        case 'search':
          set.focusSearch();
          return;
        case 'help':
          set.setHelp((open) => !open);
          return;
        case 'openPage':
        case 'openAdmin': {
          const comment = focusedComment();
          if (comment)
            commands.openComment(`${comment.siteId}\n${comment.id}`, command.kind === 'openPage' ? 'page' : 'admin');
          return;
        }
        case 'expand':
        case 'collapse': {
          const row = focusedRow();
          if (row?.kind === 'cluster') toggleExpanded(row.cluster.key, command.kind === 'expand');
          else if (row?.kind === 'comment' && row.cluster && command.kind === 'collapse') {
            toggleExpanded(row.cluster.key, false);
            const index = rows.findIndex((candidate) => candidate.key === `cluster:${row.cluster?.key}`);
            if (index >= 0) moveTo(index);
          }
          return;
        }
        case 'escape':
          if (now().selected.size > 0) {
            set.setSelected(new Set());
            decisions.announce(t('selectionCleared'));
          }
          return;
      }
    };

    return { commands, execute };
  }, []);
}
