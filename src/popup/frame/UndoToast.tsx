/**
 * After every decision: what was done, and Undo (or z) for as long as it is useful. Inside the
 * outbox's undo window nothing has been sent yet; after it, undo sends the reverse.
 */
import { useEffect } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { type Cell, useCell } from '../../shared/ui/cell.ts';
import { pure } from '../../shared/ui/pure.ts';
import type { Toast } from '../actions/use-decisions.ts';
import { Key } from '../list/ItemActions.tsx';
import { useNow } from './use-now.ts';

/** How long the toast stays after the undo window (or after a decision sent at once). */
export const toastLingerMs = 6000;

function UndoToastView({
  toast: cell,
  onUndo,
  onClose,
}: {
  toast: Cell<Toast | null>;
  onUndo: () => void;
  onClose: () => void;
}) {
  const toast = useCell(cell);
  const now = useNow(toast?.state === 'waiting' ? 1000 : null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the timer belongs to one toast in one state; a new onClose on re-render must not restart it
  useEffect(() => {
    if (!toast || toast.state === 'failed') return;
    const left = toast.createdAt + toast.undoMs + toastLingerMs - Date.now();
    const timer = setTimeout(onClose, Math.max(0, left));
    return () => clearTimeout(timer);
  }, [toast?.id, toast?.state]);
  if (!toast) return null;
  const seconds = Math.ceil((toast.createdAt + toast.undoMs - now) / 1000);
  return (
    <div class={`toast ${toast.state}`} data-toast-id={toast.id}>
      <span class="toast-message">
        {toast.message}
        {toast.state === 'waiting' && seconds > 0 && (
          <span class="muted"> · {t('toastSendingIn', [String(seconds)])}</span>
        )}
      </span>
      {toast.state === 'waiting' && toast.outboxIds.length > 0 && (
        <button type="button" class="link" data-action="undo" aria-keyshortcuts="z" onClick={onUndo}>
          {t('undo')} <Key value="z" />
        </button>
      )}
      <button type="button" class="link close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

export const UndoToast = pure(UndoToastView);
