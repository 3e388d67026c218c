/**
 * Where the decisions about one comment stand: waiting ("sending in 4 s · Undo"), being sent, or
 * failed / in conflict with WordPress's message and a retry. Nothing vanishes silently.
 */

import { changedElsewhereKind } from '../../shared/changed-elsewhere.ts';
import type { OutboxRow } from '../../shared/db/index.ts';
import { type MessageKey, t } from '../../shared/i18n.ts';
import { blocksOnlyItsText } from '../../shared/wp/text-block.ts';
import { useNow } from '../frame/use-now.ts';
import { useQueueContext } from '../queue-context.ts';

export const decisionNameKeys: Record<OutboxRow['decision'], MessageKey> = {
  approve: 'decisionApprove',
  unapprove: 'decisionUnapprove',
  spam: 'decisionSpam',
  unspam: 'decisionUnspam',
  trash: 'decisionTrash',
  untrash: 'decisionUntrash',
  delete: 'decisionDelete',
  edit: 'decisionEdit',
  reply: 'decisionReply',
};

export function OutboxRowState({ row, commentKey }: { row: OutboxRow; commentKey: string }) {
  const { commands } = useQueueContext();
  const now = useNow(row.state === 'waiting' ? 1000 : null);
  const id = row.id ?? 0;
  const what = t(decisionNameKeys[row.decision]);
  if (row.state === 'failed' || row.state === 'conflict') {
    return (
      <div class="outbox-state failed" role="alert">
        <span>
          {/* Done, then changed by someone else (sync/changed-elsewhere.ts): its message says it all. */}
          {row.error?.kind === changedElsewhereKind ? (
            row.error.message
          ) : (
            <>
              {t(row.state === 'conflict' ? 'outboxConflict' : 'outboxFailed', [what])}
              {row.error && `: ${row.error.message}`}
            </>
          )}
        </span>
        <button type="button" class="link" data-action="retry" onClick={() => commands.retryRow(id)}>
          {t('retry')}
        </button>
        <button type="button" class="link" data-action="dismiss" onClick={() => commands.dismissRow(row)}>
          {t('dismiss')}
        </button>
      </div>
    );
  }
  if (row.state === 'sending') return <div class="outbox-state">{t('outboxSending', [what])}</div>;
  const seconds = Math.max(0, Math.ceil((row.notBefore - now) / 1000));
  // A firewall in front of the whole site: its line above says why and what to allow.
  const heldBySite = row.error?.kind === 'blocked' && !blocksOnlyItsText(row.decision, row.error.code);
  return (
    <div class="outbox-state">
      <span>
        {heldBySite
          ? t('outboxHeldBySite', [what])
          : row.error
            ? t(row.error.kind === 'blocked' ? 'outboxBlocked' : 'outboxRetrying', [what, row.error.message])
            : seconds > 0
              ? t('outboxWaiting', [what, String(seconds)])
              : t('outboxSending', [what])}
      </span>
      <button type="button" class="link" data-action="undo-row" onClick={() => commands.undoRows([id], [commentKey])}>
        {t('undo')}
      </button>
    </div>
  );
}

export function OutboxLine({ rows, commentKey }: { rows: readonly OutboxRow[] | undefined; commentKey: string }) {
  if (!rows || rows.length === 0) return null;
  return (
    <>
      {rows.map((row) => (
        <OutboxRowState key={row.id} row={row} commentKey={commentKey} />
      ))}
    </>
  );
}
