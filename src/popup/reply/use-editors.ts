/**
 * Which comments have their reply or edit box open: the ones the user opened, and every comment
 * with a saved draft (so a draft is found again after the popup was closed) unless closed here.
 */
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { DraftRow } from '../../shared/db/index.ts';
import { draftKey } from './draft-key.ts';

export interface EditorState {
  kind: 'reply' | 'edit';
  /** "approve and reply" is the main button (q) */
  approve: boolean;
  /** opened by a key or a click just now: the text box takes the focus */
  focus: boolean;
}

export function useEditors(drafts: ReadonlyMap<string, DraftRow>) {
  const [opened, setOpened] = useState<ReadonlyMap<string, EditorState>>(new Map());
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());

  const editorFor = useCallback(
    (key: string): EditorState | null => {
      const open = opened.get(key);
      if (open) return open;
      if (closed.has(key)) return null;
      if (drafts.has(draftKey(key, 'reply'))) return { kind: 'reply', approve: false, focus: false };
      if (drafts.has(draftKey(key, 'edit'))) return { kind: 'edit', approve: false, focus: false };
      return null;
    },
    [opened, closed, drafts],
  );

  const open = useCallback((key: string, editor: EditorState) => {
    setOpened((current) => new Map(current).set(key, editor));
    setClosed((current) => {
      if (!current.has(key)) return current;
      const next = new Set(current);
      next.delete(key);
      return next;
    });
  }, []);

  const close = useCallback((key: string) => {
    setOpened((current) => {
      if (!current.has(key)) return current;
      const next = new Map(current);
      next.delete(key);
      return next;
    });
    setClosed((current) => new Set(current).add(key));
  }, []);

  /** The comments with a draft, to bring the first into view when the popup opens. */
  const draftKeys = useMemo(
    () => new Set([...drafts.values()].map((draft) => `${draft.siteId}\n${draft.commentId}`)),
    [drafts],
  );

  return { editorFor, open, close, draftKeys };
}
