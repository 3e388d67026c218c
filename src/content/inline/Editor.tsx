/**
 * Inline reply or edit, saved as a draft as it is typed (the background keeps it; the shared saver,
 * as in the popup's reply box): a moment after the last key press, and at once when the editor is
 * closed or unmounted. A draft that could not be saved says so under the box, the text kept;
 * closing then tries once more first, and keeps the box open if that fails too (closing again
 * closes it).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { DraftKind } from '../../shared/moderation.ts';
import { useDraftSaver } from '../../shared/ui/use-draft-saver.ts';
import { trusted } from './trusted.ts';

export interface EditorProps {
  kind: DraftKind;
  initial: string;
  /** pending comments can be approved with the reply */
  offerApprove: boolean;
  /** saves the draft through the background; rejects when it was not saved */
  saveDraft: (content: string) => Promise<unknown>;
  onSubmit: (content: string, approve: boolean) => void;
  onCancel: () => void;
}

export function Editor({ kind, initial, offerApprove, saveDraft, onSubmit, onCancel }: EditorProps) {
  const [text, setText] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);
  const saver = useDraftSaver(saveDraft, [kind]);
  const closeTried = useRef(false);
  // Focused as soon as it is in the document, so the next keys are text, not shortcuts.
  useLayoutEffect(() => {
    area.current?.focus();
  }, []);
  const changed = (value: string) => {
    setText(value);
    closeTried.current = false;
    saver.save(value);
  };
  const submit = (approve: boolean) => {
    if (text.trim() === '') return;
    // Sent with the decision: the background drops the draft then.
    saver.cancel();
    onSubmit(text, approve);
  };
  const close = async () => {
    if (saver.problem !== null && !closeTried.current) {
      closeTried.current = true;
      if (!(await saver.flush())) return;
    }
    onCancel();
  };
  return (
    <div class="reply">
      <textarea
        ref={area}
        value={text}
        aria-label={kind === 'reply' ? t('inlineReply') : t('inlineEdit')}
        onInput={(event) => changed((event.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') void close();
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(offerApprove);
        }}
      />
      {saver.problem !== null && (
        <p class="problem" role="alert" data-draft-problem>
          {saver.problem}
        </p>
      )}
      <div class="actions">
        {kind === 'reply' && offerApprove && (
          <button type="button" class="primary" data-submit="approveAndReply" onClick={trusted(() => submit(true))}>
            {t('inlineApproveAndReply')}
          </button>
        )}
        <button
          type="button"
          class={offerApprove ? '' : 'primary'}
          data-submit={kind === 'reply' ? 'reply' : 'edit'}
          onClick={trusted(() => submit(false))}
        >
          {kind === 'reply' ? t('inlineSend') : t('inlineSave')}
        </button>
        <button type="button" onClick={trusted(() => void close())}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
