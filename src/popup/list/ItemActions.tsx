/** The buttons of a row, each with its key; only what the user may do to this comment. */
import { t } from '../../shared/i18n.ts';
import { actionsFor, type StatusAction } from '../actions/decisions.ts';
import { actionKeys, actionLabelKeys } from '../actions/labels.ts';
import { useQueueContext } from '../queue-context.ts';

interface Props {
  keys: readonly string[];
  status: string;
  canModerate: boolean;
  /** a single comment (a cluster row has no reply, edit or open) */
  single: { key: string; canEdit: boolean; editing: boolean } | null;
  /** "Block…" for this comment's author: moderators (the dialog says when only an administrator may) */
  blockable?: boolean;
  label: string;
  /** the focused row's buttons are in the tab order, the others are reached by their keys */
  active: boolean;
}

/** The key, shown on the button; screen readers get it as aria-keyshortcuts, not as part of the name. */
export function Key({ value }: { value: string }) {
  return (
    <span class="key-hint" aria-hidden="true">
      <kbd>{value}</kbd>
    </span>
  );
}

/** One button of the row: `action` names it for tests and the keyboard; `shortcut` is shown and announced. */
function ActionButton(props: {
  action: string;
  label: string;
  shortcut?: string;
  tabIndex: number;
  look?: string;
  onClick: () => void;
}) {
  const { action, label, shortcut, tabIndex, look = 'small secondary', onClick } = props;
  return (
    <button
      type="button"
      class={look}
      data-action={action}
      aria-keyshortcuts={shortcut}
      tabIndex={tabIndex}
      onClick={onClick}
    >
      {label}
      {shortcut && (
        <>
          {' '}
          <Key value={shortcut} />
        </>
      )}
    </button>
  );
}

export function ItemActions({ keys, status, canModerate, single, label, active, blockable = false }: Props) {
  const { commands } = useQueueContext();
  const tabIndex = active ? 0 : -1;
  const actions: StatusAction[] = canModerate ? actionsFor(status) : [];
  const open = (key: string, kind: 'reply' | 'edit') => commands.openEditor(key, { kind, approve: false, focus: true });
  return (
    <fieldset class="actions" aria-label={label}>
      {actions.map((action) => (
        <ActionButton
          key={action}
          action={action}
          look={action === 'approve' ? 'small' : action === 'delete' ? 'small danger' : undefined}
          label={t(actionLabelKeys[action])}
          shortcut={actionKeys[action]}
          tabIndex={tabIndex}
          onClick={() => commands.act(keys, action)}
        />
      ))}
      {single && (
        <>
          {!single.editing && (
            <ActionButton
              action="reply"
              label={t('actionReply')}
              shortcut="r"
              tabIndex={tabIndex}
              onClick={() => open(single.key, 'reply')}
            />
          )}
          {canModerate && single.canEdit && !single.editing && (
            <ActionButton
              action="edit"
              label={t('actionEdit')}
              shortcut="e"
              tabIndex={tabIndex}
              onClick={() => open(single.key, 'edit')}
            />
          )}
          <ActionButton
            action="open-page"
            label={t('actionOpenPage')}
            shortcut="o"
            tabIndex={tabIndex}
            onClick={() => commands.openComment(single.key, 'page')}
          />
          <ActionButton
            action="open-admin"
            label={t('actionOpenAdmin')}
            shortcut="w"
            tabIndex={tabIndex}
            onClick={() => commands.openComment(single.key, 'admin')}
          />
          {blockable && (
            <ActionButton
              action="block"
              label={t('blockOpen')}
              tabIndex={tabIndex}
              onClick={() => commands.showBlock(single.key)}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
