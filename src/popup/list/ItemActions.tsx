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

export function ItemActions({ keys, status, canModerate, single, label, active, blockable = false }: Props) {
  const { commands } = useQueueContext();
  const tabIndex = active ? 0 : -1;
  const actions: StatusAction[] = canModerate ? actionsFor(status) : [];
  return (
    <fieldset class="actions" aria-label={label}>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          class={action === 'approve' ? 'small' : action === 'delete' ? 'small danger' : 'small secondary'}
          data-action={action}
          aria-keyshortcuts={actionKeys[action]}
          tabIndex={tabIndex}
          onClick={() => commands.act(keys, action)}
        >
          {t(actionLabelKeys[action])} <Key value={actionKeys[action]} />
        </button>
      ))}
      {single && (
        <>
          {!single.editing && (
            <button
              type="button"
              class="small secondary"
              data-action="reply"
              aria-keyshortcuts="r"
              tabIndex={tabIndex}
              onClick={() => commands.openEditor(single.key, { kind: 'reply', approve: false, focus: true })}
            >
              {t('actionReply')} <Key value="r" />
            </button>
          )}
          {canModerate && single.canEdit && !single.editing && (
            <button
              type="button"
              class="small secondary"
              data-action="edit"
              aria-keyshortcuts="e"
              tabIndex={tabIndex}
              onClick={() => commands.openEditor(single.key, { kind: 'edit', approve: false, focus: true })}
            >
              {t('actionEdit')} <Key value="e" />
            </button>
          )}
          <button
            type="button"
            class="small secondary"
            data-action="open-page"
            aria-keyshortcuts="o"
            tabIndex={tabIndex}
            onClick={() => commands.openComment(single.key, 'page')}
          >
            {t('actionOpenPage')} <Key value="o" />
          </button>
          <button
            type="button"
            class="small secondary"
            data-action="open-admin"
            aria-keyshortcuts="w"
            tabIndex={tabIndex}
            onClick={() => commands.openComment(single.key, 'admin')}
          >
            {t('actionOpenAdmin')} <Key value="w" />
          </button>
          {blockable && (
            <button
              type="button"
              class="small secondary"
              data-action="block"
              tabIndex={tabIndex}
              onClick={() => commands.showBlock(single.key)}
            >
              {t('blockOpen')}
            </button>
          )}
        </>
      )}
    </fieldset>
  );
}
