/**
 * The popup's drafts: saved through the background (the only writer) as they are typed; a save the
 * background refuses is shown under the box (shared/ui/use-draft-saver.ts), and the text stays.
 */
import { sendToBackground } from '../../shared/messages.ts';
import { useDraftSaver as useSharedDraftSaver } from '../../shared/ui/use-draft-saver.ts';

export function useDraftSaver(siteId: string, commentId: number, kind: 'reply' | 'edit') {
  return useSharedDraftSaver(
    (content) => sendToBackground({ type: 'saveDraft', siteId, commentId, kind, content }),
    [siteId, commentId, kind],
  );
}
