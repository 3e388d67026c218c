/**
 * Quick reply (or edit) in place. The text is a draft from the first key press on: closing the box
 * or the popup keeps it. Ctrl+Enter sends the main action, Esc closes (the draft stays). A draft
 * that could not be saved says so under the box; closing then tries once more first, and keeps the
 * box open if that fails too (closing again closes it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CommentRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { MessageError } from '../../shared/messages.ts';
import type { TextDecision } from '../../shared/moderation.ts';
import { commentKey } from '../queue/views.ts';
import { useQueueContext } from '../queue-context.ts';
import type { EditorState } from '../state/ui-state.ts';
import { useDraftSaver } from './use-draft-saver.ts';

interface Props {
  comment: CommentRow;
  editor: EditorState;
  /** the saved draft, if any */
  draft: string | null;
  canApprove: boolean;
}

export function ReplyBox({ comment, editor, draft, canApprove }: Props) {
  const { commands } = useQueueContext();
  const key = commentKey(comment);
  const original = editor.kind === 'edit' ? (comment.contentRaw ?? '') : '';
  const [text, setText] = useState(draft ?? original);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saver = useDraftSaver(comment.siteId, comment.id, editor.kind);
  const closeTried = useRef(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `editor-${comment.siteId}-${comment.id}`.replace(/[^\w-]/g, '_');

  useEffect(() => {
    if (editor.focus) box.current?.focus();
  }, [editor.focus]);

  const approveFirst = editor.kind === 'reply' && canApprove && editor.approve;
  const submit = async (decision: TextDecision) => {
    if (text.trim() === '' || busy) return;
    setBusy(true);
    setError(null);
    saver.cancel();
    try {
      await commands.submitText(key, decision, text);
    } catch (caught) {
      setError(caught instanceof MessageError || caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  const main = editor.kind === 'edit' ? 'edit' : approveFirst ? 'approveAndReply' : 'reply';
  const close = async () => {
    if (saver.problem !== null && !closeTried.current) {
      closeTried.current = true;
      if (!(await saver.flush())) return;
    }
    commands.closeEditor(key);
  };

  return (
    <div class="editor" data-editor={editor.kind}>
      <label class="visually-hidden" for={id}>
        {t(editor.kind === 'edit' ? 'editLabel' : 'replyLabel', [comment.authorName || t('anonymous')])}
      </label>
      <textarea
        id={id}
        ref={box}
        rows={3}
        value={text}
        placeholder={t(editor.kind === 'edit' ? 'editPlaceholder' : 'replyPlaceholder')}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          closeTried.current = false;
          saver.save(value === original ? '' : value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit(main);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            void close();
          }
        }}
      />
      {saver.problem !== null && (
        <p class="error draft-problem" role="alert" data-draft-problem>
          {saver.problem}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="editor-buttons">
        {editor.kind === 'edit' ? (
          <button type="button" class="small" data-action="save-edit" disabled={busy} onClick={() => submit('edit')}>
            {t('editSave')}
          </button>
        ) : (
          <>
            {canApprove && (
              <button
                type="button"
                class={approveFirst ? 'small' : 'small secondary'}
                data-action="approve-and-reply"
                disabled={busy}
                onClick={() => submit('approveAndReply')}
              >
                {t('actionApproveAndReply')}
              </button>
            )}
            <button
              type="button"
              class={approveFirst ? 'small secondary' : 'small'}
              data-action="send-reply"
              disabled={busy}
              onClick={() => submit('reply')}
            >
              {t('replySend')}
            </button>
          </>
        )}
        <button type="button" class="small secondary" data-action="close-editor" onClick={() => void close()}>
          {t('close')}
        </button>
        <span class="muted editor-hint">
          {t(saver.problem === null && (draft !== null || text !== original) ? 'draftKept' : 'editorHint')}
        </span>
      </div>
    </div>
  );
}
