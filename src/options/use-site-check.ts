/**
 * Which sign-ins can work on the site being connected, asked of the background (it reads what
 * WordPress says) once the browser lets Freigabe access the site. Never asks for that access by
 * itself: the browser shows its prompt only during a click (see permission-request.ts). One check
 * per address at a time: a click while the address's check runs waits for that check.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { MessageError, type SiteCheck, sendToBackground } from '../shared/messages.ts';
import { originPatternOf } from './permission-request.ts';

export type CheckState =
  | { kind: 'none' }
  | { kind: 'checking'; url: string }
  | { kind: 'checked'; url: string; value: SiteCheck }
  | { kind: 'failed'; url: string; message: string };

export function useSiteCheck() {
  const [check, setCheck] = useState<CheckState>({ kind: 'none' });
  const running = useRef<{ url: string; done: Promise<SiteCheck | null> } | null>(null);

  const run = useCallback(async (target: string): Promise<SiteCheck | null> => {
    const pattern = originPatternOf(target);
    if (!target || !pattern || !(await browser.permissions.contains({ origins: [pattern] }))) {
      setCheck({ kind: 'none' });
      return null;
    }
    setCheck({ kind: 'checking', url: target });
    try {
      const value = await sendToBackground({ type: 'checkSite', url: target });
      setCheck({ kind: 'checked', url: target, value });
      return value;
    } catch (error) {
      setCheck({ kind: 'failed', url: target, message: error instanceof MessageError ? error.message : String(error) });
      return null;
    }
  }, []);

  /** Checks `url` when Freigabe may already access it; the check, or null (no access, or it failed). */
  const checkSite = useCallback(
    (url: string): Promise<SiteCheck | null> => {
      const target = url.trim();
      if (running.current?.url === target) return running.current.done;
      const done = run(target).finally(() => {
        if (running.current?.done === done) running.current = null;
      });
      running.current = { url: target, done };
      return done;
    },
    [run],
  );

  return { check, checkSite, forget: useCallback(() => setCheck({ kind: 'none' }), []) };
}
