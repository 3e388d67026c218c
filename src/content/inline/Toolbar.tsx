/** The compact controls under a comment: only the actions this user may take on it, and its state. */
import { useState } from 'preact/hooks';
import { isolate } from '../../shared/bidi.ts';
import { type MessageKey, t } from '../../shared/i18n.ts';
import type { InlineDecisionState } from '../../shared/inline-protocol.ts';
import { type ActionName, actionsFor } from './actions.ts';
import { trusted } from './trusted.ts';

const labels: Record<ActionName, MessageKey> = {
  approve: 'inlineApprove',
  unapprove: 'inlineUnapprove',
  spam: 'inlineSpamAction',
  unspam: 'inlineNotSpam',
  trash: 'inlineTrashAction',
  untrash: 'inlineRestore',
  delete: 'inlineDelete',
  edit: 'inlineEdit',
  reply: 'inlineReply',
  approveAndReply: 'inlineApproveAndReply',
  openAdmin: 'inlineOpenAdmin',
  details: 'inlineDetails',
};

export interface ToolbarProps {
  author: string;
  status: string;
  canModerate: boolean;
  decision: InlineDecisionState | null;
  now: number;
  current: boolean;
  /** the commenter's email, IP and URL, once the moderator asked */
  details?: string | null;
  onAction: (action: ActionName) => void;
  onUndo: (outboxId: number) => void;
  /** the keyboard asked to delete this comment for good: ask first */
  askDelete?: boolean;
  /** the question was answered (either way) */
  onAskDone?: () => void;
  /** "Block…" (moderators; the form says when only an administrator may) */
  onBlock?: (() => void) | undefined;
}

function DecisionState({ decision, now, onUndo }: Pick<ToolbarProps, 'decision' | 'now' | 'onUndo'>) {
  if (!decision || decision.state === 'done') return null;
  const undo = (
    <button type="button" onClick={trusted(() => onUndo(decision.outboxId))}>
      {t('inlineUndo')}
    </button>
  );
  if (decision.state === 'waiting' && decision.error === null) {
    const seconds = Math.max(0, Math.ceil((decision.notBefore - now) / 1000));
    return (
      <span class="state">
        {seconds > 0 ? t('inlineSendingIn', [String(seconds)]) : t('inlineSending')} {undo}
      </span>
    );
  }
  if (decision.state === 'waiting' && decision.error !== null) {
    // Not failed: it will be sent (a firewall holds it up, or the last try did not get through).
    return (
      <span class="state waiting" role="status">
        {t(decision.errorKind === 'blocked' ? 'inlineWaiting' : 'inlineRetrying', [decision.error])} {undo}
      </span>
    );
  }
  if (decision.state === 'failed' || decision.state === 'conflict') {
    const key = decision.state === 'conflict' ? 'inlineConflict' : 'inlineFailed';
    return (
      <span class={`state ${decision.state}`} role="alert">
        {t(key, [decision.error ?? ''])} {undo}
      </span>
    );
  }
  return <span class="state">{t('inlineSending')}</span>;
}

export function Toolbar({
  author,
  status,
  canModerate,
  decision,
  now,
  current,
  details,
  onAction,
  onUndo,
  askDelete = false,
  onAskDone,
  onBlock,
}: ToolbarProps) {
  const [clickedDelete, setConfirmDelete] = useState(false);
  const confirmDelete = clickedDelete || askDelete;
  const actions = actionsFor(status, canModerate);
  if (actions.length === 0 && !decision) return null;
  return (
    <div
      class={`fg toolbar${current ? ' current' : ''}`}
      role="toolbar"
      aria-label={t('inlineToolbarLabel', [isolate(author)])}
    >
      <StatusBadge status={status} />
      {confirmDelete ? (
        <span class="state" role="alertdialog" aria-label={t('inlineDeleteConfirm')}>
          {t('inlineDeleteConfirm')}{' '}
          <button
            type="button"
            class="danger"
            onClick={trusted(() => {
              setConfirmDelete(false);
              onAskDone?.();
              onAction('delete');
            })}
          >
            {t('inlineDelete')}
          </button>{' '}
          <button
            type="button"
            onClick={trusted(() => {
              setConfirmDelete(false);
              onAskDone?.();
            })}
          >
            {t('cancel')}
          </button>
        </span>
      ) : (
        actions.map((action) => (
          <button
            key={action.name}
            type="button"
            class={action.name === 'delete' ? 'danger' : action.name === 'approve' ? 'primary' : ''}
            aria-keyshortcuts={action.key ?? undefined}
            title={action.key ? `${t(labels[action.name])} (${action.key})` : t(labels[action.name])}
            data-action={action.name}
            onClick={trusted(() => (action.name === 'delete' ? setConfirmDelete(true) : onAction(action.name)))}
          >
            {t(labels[action.name])}
          </button>
        ))
      )}
      {onBlock && !confirmDelete && (
        <button type="button" data-action="block" title={t('blockOpenTitle', [author])} onClick={trusted(onBlock)}>
          {t('blockOpen')}
        </button>
      )}
      <DecisionState decision={decision} now={now} onUndo={onUndo} />
      {details && (
        <span class="state details">
          <bdi>{details}</bdi>
        </span>
      )}
    </div>
  );
}

const statusKey: Partial<Record<string, MessageKey>> = {
  hold: 'inlinePending',
  spam: 'inlineSpam',
  trash: 'inlineTrash',
};

/** What the page does not show about a comment's status (approved needs no badge). */
export function StatusBadge({ status }: { status: string }) {
  const key = statusKey[status];
  return key ? <span class={`badge${status === 'spam' ? ' spam' : ''}`}>{t(key)}</span> : null;
}
