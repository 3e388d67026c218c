/** With comments selected: how many, and the actions for all of them (Shift + the action's key). */
import { t } from '../../shared/i18n.ts';
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

export function SelectionBar({
  count,
  onAct,
  onClear,
}: {
  count: number;
  onAct: (action: KeyAction) => void;
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
      <button type="button" class="small secondary" onClick={onClear}>
        {t('selectionClear')}
      </button>
    </fieldset>
  );
}
