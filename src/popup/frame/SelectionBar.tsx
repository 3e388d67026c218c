/**
 * With comments selected: how many, and the actions for all of them (Shift + the action's key); with
 * all selected, everything matching on the server as a job (b).
 */
import { t } from '../../shared/i18n.ts';
import { pure } from '../../shared/ui/pure.ts';
import { bulkJobKey } from '../../shared/ui/shortcuts.ts';
import type { KeyAction } from '../actions/decisions.ts';
import { formatNumber } from '../format.ts';
import { Key } from '../list/ItemActions.tsx';

const buttons: {
  action: KeyAction;
  label: 'actionApprove' | 'actionUnapprove' | 'actionSpam' | 'actionTrash';
  key: string;
}[] = [
  { action: 'approve', label: 'actionApprove', key: 'A' },
  { action: 'unapprove', label: 'actionUnapprove', key: 'U' },
  { action: 'spam', label: 'actionSpam', key: 'S' },
  { action: 'trash', label: 'actionTrash', key: 'D' },
];

function SelectionBarView({
  count,
  allSelected,
  onAct,
  onServer,
  onClear,
}: {
  count: number;
  /** "select all" is on: offer everything matching on the server, as a job */
  allSelected: boolean;
  onAct: (action: KeyAction) => void;
  onServer: () => void;
  onClear: () => void;
}) {
  if (count === 0) return null;
  return (
    <fieldset class="selection-bar" aria-label={t('selectionLabel')}>
      <span class="selection-count">{t('selectedCount', [formatNumber(count)])}</span>
      {buttons.map(({ action, label, key }) => (
        <button
          key={action}
          type="button"
          class="small secondary"
          data-bulk={action}
          aria-keyshortcuts={`Shift+${key}`}
          onClick={() => onAct(action)}
        >
          {t(label)} <Key value={`⇧${key}`} />
        </button>
      ))}
      {allSelected && (
        <button
          type="button"
          class="small secondary"
          data-action="server-job"
          aria-keyshortcuts={bulkJobKey}
          onClick={onServer}
        >
          {t('jobServerButton')} <Key value={bulkJobKey} />
        </button>
      )}
      <button type="button" class="small secondary" onClick={onClear}>
        {t('selectionClear')}
      </button>
    </fieldset>
  );
}

export const SelectionBar = pure(SelectionBarView);
