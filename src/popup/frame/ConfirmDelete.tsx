/** Deleting permanently cannot be undone: it asks first (Cancel has the focus). */
import { t } from '../../shared/i18n.ts';
import { formatNumber } from '../format.ts';
import { Dialog } from './Dialog.tsx';

export function ConfirmDelete({
  count,
  onConfirm,
  onClose,
}: {
  count: number;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog label={t('deleteHeading')} onClose={onClose} className="confirm-delete">
      <p>{t(count === 1 ? 'deleteQuestionOne' : 'deleteQuestion', [formatNumber(count)])}</p>
      <div class="dialog-buttons">
        <button type="button" class="small secondary" data-autofocus data-action="cancel-delete" onClick={onClose}>
          {t('cancel')}
        </button>
        <button
          type="button"
          class="small danger"
          data-action="confirm-delete"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {t('deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
