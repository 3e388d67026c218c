/**
 * The sheet's buttons, step by step: the actions the status offers; delete permanently asked first
 * with the count; spam above the Akismet threshold explained, with trash one click away.
 */
import { t } from '../../shared/i18n.ts';
import type { JobAction } from '../../shared/jobs.ts';
import { statusActionsFor } from '../../shared/moderation.ts';
import { actionLabelKeys } from '../actions/labels.ts';
import { formatNumber } from '../format.ts';
import { jobSize, type SheetState } from './sheet-state.ts';

interface Props {
  state: SheetState;
  /** the count the user sees (null: none yet, nothing can start) */
  total: number | null;
  onChoose: (action: JobAction) => void;
  onBack: () => void;
  onClose: () => void;
}

const buttonClass = (action: JobAction) =>
  action === 'delete' ? 'small danger' : action === 'approve' ? 'small' : 'small secondary';

export function SheetSteps({ state, total, onChoose, onBack, onClose }: Props) {
  const { step, request } = state;
  const count = formatNumber(jobSize(total ?? 0));
  if (step.kind === 'confirm-delete')
    return (
      <div class="job-step" data-step="confirm-delete">
        <p class="job-question">{t(total === 1 ? 'deleteQuestionOne' : 'deleteQuestion', [count])}</p>
        <div class="dialog-buttons">
          <button type="button" class="small secondary" data-step-focus onClick={onBack}>
            {t('cancel')}
          </button>
          <button type="button" class="small danger" data-job-action="delete" onClick={() => onChoose('delete')}>
            {t('deleteConfirm')}
          </button>
        </div>
      </div>
    );
  if (step.kind === 'akismet')
    return (
      <div class="job-step" data-step="akismet">
        <p class="job-question">{t('jobAkismetNote', [count])}</p>
        <div class="dialog-buttons">
          <button type="button" class="small secondary" onClick={onBack}>
            {t('back')}
          </button>
          <button type="button" class="small secondary" data-job-action="spam" onClick={() => onChoose('spam')}>
            {t('jobSpamAnyway')}
          </button>
          <button type="button" class="small" data-step-focus data-job-action="trash" onClick={() => onChoose('trash')}>
            {t('jobTrashInstead')}
          </button>
        </div>
      </div>
    );
  if (step.kind === 'starting')
    return (
      <p class="job-step" role="status" data-step="starting">
        {t('jobStarting')}
      </p>
    );
  const actions = request.only ? [request.only] : statusActionsFor(request.filter.status);
  const ready = total !== null && total > 0;
  return (
    <div class="job-step" data-step="choose">
      {step.kind === 'failed' && (
        <p class="job-problem" role="alert">
          {t('jobStartFailed', [step.problem])}
        </p>
      )}
      <fieldset class="job-actions" aria-label={t('jobActionsLabel')}>
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            class={buttonClass(action)}
            data-job-action={action}
            disabled={!ready}
            onClick={() => onChoose(action)}
          >
            {t(actionLabelKeys[action])}
          </button>
        ))}
        <button type="button" class="small secondary job-close" data-autofocus onClick={onClose}>
          {t('cancel')}
        </button>
      </fieldset>
    </div>
  );
}
