/** Inline reply or edit, saved as a draft as it is typed (the background keeps it). */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { DraftKind } from '../../shared/moderation.ts';
import { trusted } from './trusted.ts';

export interface EditorProps {
  kind: DraftKind;
  initial: string;
  /** pending comments can be approved with the reply */
  offerApprove: boolean;
  onDraft: (content: string) => void;
  onSubmit: (content: string, approve: boolean) => void;
  onCancel: () => void;
}

const draftDelayMs = 300;

export function Editor({ kind, initial, offerApprove, onDraft, onSubmit, onCancel }: EditorProps) {
  const [text, setText] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Focused as soon as it is in the document, so the next keys are text, not shortcuts.
  useLayoutEffect(() => {
    area.current?.focus();
    return () => clearTimeout(timer.current);
  }, []);
  const changed = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onDraft(value), draftDelayMs);
  };
  const submit = (approve: boolean) => {
    clearTimeout(timer.current);
    if (text.trim() !== '') onSubmit(text, approve);
  };
  return (
    <div class="reply">
      <textarea
        ref={area}
        value={text}
        aria-label={kind === 'reply' ? t('inlineReply') : t('inlineEdit')}
        onInput={(event) => changed((event.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(offerApprove);
        }}
      />
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
        <button type="button" onClick={trusted(onCancel)}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
