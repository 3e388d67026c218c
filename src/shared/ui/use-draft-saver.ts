/**
 * A draft saver (shared/drafts/draft-saver.ts) for a Preact editor: saved a moment after the last
 * key press, at once when the editor goes away or the page is hidden; `problem` is the line the
 * editor shows under the text when the last save failed (in the user's words), null otherwise.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { draftProblem } from '../drafts/draft-problem.ts';
import { createDraftSaver, type DraftSaveStatus } from '../drafts/draft-saver.ts';
import { t, uiLanguage } from '../i18n.ts';

let numbers: Intl.NumberFormat | null = null;
const formatNumber = (value: number) => {
  numbers ??= new Intl.NumberFormat(uiLanguage());
  return numbers.format(value);
};

/** `identity`: what the draft belongs to (comment and kind); a new one is a new saver. */
export function useDraftSaver(send: (content: string) => Promise<unknown>, identity: readonly unknown[]) {
  const [status, setStatus] = useState<DraftSaveStatus>({ state: 'idle' });
  const sendNow = useRef(send);
  sendNow.current = send;
  const alive = useRef(true);

  // The caller's identity (comment and kind) is the key: a new one is a new saver.
  const saver = useMemo(
    () =>
      createDraftSaver({
        send: (content) => sendNow.current(content),
        onStatus: (next) => {
          if (alive.current) setStatus(next);
        },
      }),
    [...identity],
  );

  useEffect(() => {
    const onHide = () => void saver.flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [saver]);

  // The last keystrokes are saved as the editor goes — in a layout effect's cleanup, which Preact
  // runs inside the unmount itself (a passive effect's cleanup runs a frame later, after the host
  // may be gone; ADR 019). A failure here has no editor left to show it.
  useLayoutEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      void saver.flush();
    };
  }, [saver]);

  const problem = useMemo(() => {
    if (status.state !== 'failed') return null;
    const { message, substitutions } = draftProblem(status.error, status.content, formatNumber);
    return t(message, substitutions);
  }, [status]);

  return { save: saver.save, flush: saver.flush, cancel: saver.cancel, problem };
}
