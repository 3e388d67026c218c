/**
 * What opens over the queue, one at a time as the popup's state says: the keyboard help, a
 * commenter's history, blocking a commenter, the question before deleting for good, and the bulk-job sheet.
 */
import type { ComponentProps } from 'preact';
import { useRef } from 'preact/hooks';
import type { CommentRow, SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { LazyBlockDialog } from '../block/lazy.tsx';
import type { HistoryAsked } from '../history/from-query.ts';
import { LazyHistoryPanel } from '../history/lazy.tsx';
import { LazyJobSheet } from '../jobs/lazy.tsx';
import { parseCommentKey } from '../queue/views.ts';
import type { PopupCommand } from '../state/commands.ts';
import type { UiAction, UiState } from '../state/ui-state.ts';
import { LazyConfirmDelete, LazyHelpOverlay } from './lazy-dialogs.tsx';

interface OverlaysProps {
  ui: UiState;
  dispatch: (action: UiAction) => void;
  run: (command: PopupCommand) => Promise<void>;
  /** the comments in the view, by key (to name a history's commenter) */
  byKey: ReadonlyMap<string, CommentRow>;
  sites: ReadonlyMap<string, SiteRow>;
  posts: ComponentProps<typeof LazyJobSheet>['posts'];
  announce: ComponentProps<typeof LazyJobSheet>['announce'];
  /** the history the queue was opened for (from an article), with the commenter's name */
  historyAsked?: HistoryAsked | null;
}

export function Overlays({ ui, dispatch, run, byKey, sites, posts, announce, historyAsked = null }: OverlaysProps) {
  // The history's commenter, as named when it was opened (the comment may leave the view meanwhile).
  const historyAuthor = useRef<{ key: string; author: string } | null>(null);
  if (ui.history !== null && historyAuthor.current?.key !== ui.history) {
    const asked = historyAsked?.key === ui.history ? historyAsked.author : '';
    historyAuthor.current = { key: ui.history, author: byKey.get(ui.history)?.authorName || asked || t('anonymous') };
  }
  const historyOf =
    ui.history === null
      ? null
      : { ...parseCommentKey(ui.history), author: historyAuthor.current?.author ?? t('anonymous') };

  // The comment the block dialog is about (it closes when the comment leaves the cache).
  const blockComment = ui.block === null ? undefined : byKey.get(ui.block);
  const blockSite = blockComment && sites.get(blockComment.siteId);
  const blockOf = blockComment && blockSite ? { comment: blockComment, site: blockSite } : null;

  return (
    <>
      {ui.help && <LazyHelpOverlay onClose={() => dispatch({ type: 'setHelp', open: false })} />}
      {historyOf && (
        <LazyHistoryPanel
          siteId={historyOf.siteId}
          commentId={historyOf.id}
          author={historyOf.author}
          siteName={sites.get(historyOf.siteId)?.name ?? ''}
          onClose={() => dispatch({ type: 'showHistory', key: null })}
          onActOnAll={(authorEmail, status) => {
            dispatch({ type: 'showHistory', key: null });
            dispatch({
              type: 'openJobSheet',
              opening: { from: 'commenter', siteId: historyOf.siteId, authorEmail, status },
            });
          }}
        />
      )}
      {blockOf && (
        <LazyBlockDialog
          site={blockOf.site}
          comment={blockOf.comment}
          onClose={() => dispatch({ type: 'showBlock', key: null })}
        />
      )}
      {ui.confirm && (
        <LazyConfirmDelete
          count={ui.confirm.reduce((sum, group) => sum + group.keys.length, 0)}
          onConfirm={() => void run({ kind: 'confirmDelete' })}
          onClose={() => void run({ kind: 'cancelDelete' })}
        />
      )}
      {ui.jobSheet && (
        <LazyJobSheet
          opening={ui.jobSheet}
          sites={sites}
          posts={posts}
          announce={announce}
          onClose={() => dispatch({ type: 'closeJobSheet' })}
        />
      )}
    </>
  );
}
