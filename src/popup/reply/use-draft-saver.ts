/**
 * Saves what is typed as a draft (through the background, the only writer), a moment after the
 * last key press and right away when the box closes or the popup goes away.
 */
import { useEffect, useRef } from 'preact/hooks';
import { sendToBackground } from '../../shared/messages.ts';

export const draftDelayMs = 300;

export function useDraftSaver(siteId: string, commentId: number, kind: 'reply' | 'edit') {
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const content = pending.current;
    if (content === null) return;
    pending.current = null;
    sendToBackground({ type: 'saveDraft', siteId, commentId, kind, content }).catch(() => undefined);
  };

  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      flush();
    };
  }, [siteId, commentId, kind]);

  return {
    save(content: string) {
      pending.current = content;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, draftDelayMs);
    },
    /** forget what was not saved yet (the text was sent, the draft goes with it) */
    cancel() {
      clearTimeout(timer.current);
      pending.current = null;
    },
  };
}
