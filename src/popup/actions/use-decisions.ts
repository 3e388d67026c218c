/**
 * Acting on comments from the popup: the decision goes to the background, the comments leave the
 * view at once (before the cache says so: a second key press acts on the next comment, never twice
 * on the same one), a toast offers undo for as long as the outbox waits, and a screen reader hears
 * what happened.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { MessageError } from '../../shared/messages.ts';
import type { TextDecision } from '../../shared/moderation.ts';
import { type Cell, createCell } from '../../shared/ui/cell.ts';
import { type StatusAction, statusAfter } from './decisions.ts';
import { doneMessage } from './labels.ts';
import { sendDecision, undoDecisions } from './send.ts';

/** One decision about several comments. */
export interface StatusGroup {
  keys: string[];
  action: StatusAction;
}

export interface Toast {
  id: number;
  message: string;
  outboxIds: number[];
  keys: string[];
  createdAt: number;
  undoMs: number;
  state: 'waiting' | 'undone' | 'failed';
}

/**
 * The comments hidden right after a decision, until the cache no longer lists them. A new object
 * when a decision hides some or an undo shows them again (what memos depend on); comments the
 * cache no longer lists leave it without a render (`forgetHidden`), so one that comes back later
 * (its decision failed and was rolled back) shows.
 */
export interface HiddenComments {
  has(key: string): boolean;
  readonly size: number;
}

export interface DecisionsApi {
  /** cells: only the toast and the announcer render when they change, not the app (one render less per key) */
  toast: Cell<Toast | null>;
  announcement: Cell<{ text: string; id: number }>;
  /** current at once, also through the object of an earlier render (a key pressed right after a decision) */
  hidden: HiddenComments;
  /** status decisions about comments; `stays(status)`: whether the view still shows that status */
  decideStatus(groups: readonly StatusGroup[], stays: (status: string) => boolean): Promise<void>;
  /** reply, approve-and-reply or edit; throws when the background refuses (the editor shows it) */
  decideText(key: string, decision: TextDecision, content: string, leaves: boolean): Promise<void>;
  undoLast(): Promise<boolean>;
  undoRows(outboxIds: readonly number[], keys: readonly string[]): Promise<void>;
  dismissToast(): void;
  announce(text: string): void;
  /** comments no longer in the cache's view are no longer hidden (nothing renders for it) */
  forgetHidden(present: (key: string) => boolean): void;
}

export function useDecisions(undoWindowMs: number, now: () => number = Date.now): DecisionsApi {
  const toast = useMemo(() => createCell<Toast | null>(null), []);
  const announcement = useMemo(() => createCell({ text: '', id: 0 }), []);
  const setToast = toast.set;
  const [hiddenVersion, setHiddenVersion] = useState(0);
  const sequence = useRef(0);
  /** the last decision, also while the background has not answered yet: z undoes that one */
  const lastAction = useRef<Promise<Toast | null> | null>(null);

  const announce = useCallback(
    (text: string) => announcement.set((last) => ({ text, id: last.id + 1 })),
    [announcement],
  );
  // Known at once, before the next render: a key pressed right after acts on the next comment.
  const hiddenNow = useRef(new Set<string>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view over hiddenNow each time it gains or regains comments
  const hidden = useMemo<HiddenComments>(
    () => ({
      has: (key) => hiddenNow.current.has(key),
      get size() {
        return hiddenNow.current.size;
      },
    }),
    [hiddenVersion],
  );
  const hide = (keys: readonly string[]) => {
    for (const key of keys) hiddenNow.current.add(key);
    setHiddenVersion((version) => version + 1);
  };
  const unhide = (keys: readonly string[]) => {
    if (!keys.some((key) => hiddenNow.current.has(key))) return;
    for (const key of keys) hiddenNow.current.delete(key);
    setHiddenVersion((version) => version + 1);
  };

  const show = (message: string, outboxIds: number[], keys: readonly string[]): Toast => {
    sequence.current += 1;
    const next: Toast = {
      id: sequence.current,
      message,
      outboxIds,
      keys: [...keys],
      createdAt: now(),
      undoMs: undoWindowMs,
      state: 'waiting',
    };
    setToast(next);
    announce(`${message}. ${t('undoHint')}`);
    return next;
  };

  const failed = (error: unknown) => {
    const message = error instanceof MessageError || error instanceof Error ? error.message : String(error);
    sequence.current += 1;
    setToast({
      id: sequence.current,
      message: t('decisionFailed', [message]),
      outboxIds: [],
      keys: [],
      createdAt: now(),
      undoMs: 0,
      state: 'failed',
    });
    announce(t('decisionFailed', [message]));
  };

  // Plain functions, made anew each render: callers reach them through a ref (see state/use-popup-store.ts).
  const decideStatus = (groups: readonly StatusGroup[], stays: (status: string) => boolean): Promise<void> => {
    const work = sendStatus(groups, stays);
    lastAction.current = work;
    return work.then(() => undefined);
  };

  const sendStatus = async (groups: readonly StatusGroup[], stays: (status: string) => boolean) => {
    const all = groups.flatMap((group) => group.keys);
    if (all.length === 0) return null;
    const leaving = groups.flatMap((group) => {
      const after = statusAfter(group.action);
      return after === null || !stays(after) ? group.keys : [];
    });
    hide(leaving);
    const outboxIds: number[] = [];
    const done: StatusGroup[] = [];
    try {
      for (const group of groups) {
        outboxIds.push(...(await sendDecision(group.keys, group.action)));
        done.push(group);
      }
      return show(groups.map((group) => doneMessage(group.action, group.keys.length)).join(' · '), outboxIds, all);
    } catch (error) {
      const sent = new Set(done.flatMap((group) => group.keys));
      unhide(leaving.filter((key) => !sent.has(key)));
      // What was sent before the failure stays listed under "not sent yet", with its undo.
      failed(error);
      return null;
    }
  };

  const decideText = async (key: string, decision: TextDecision, content: string, leaves: boolean): Promise<void> => {
    if (leaves) hide([key]);
    const work = sendDecision([key], decision, content).then(
      (outboxIds) => show(doneMessage(decision, 1), outboxIds, [key]),
      (error: unknown) => {
        unhide([key]);
        throw error;
      },
    );
    // Only the order of actions: the failure is handled where `work` is awaited below.
    lastAction.current = work.catch(() => null);
    await work;
  };

  const undoRows = async (outboxIds: readonly number[], keys: readonly string[]) => {
    try {
      await undoDecisions(outboxIds);
      unhide(keys);
      announce(t('undone'));
    } catch (error) {
      failed(error);
    }
  };

  /** Undoes the last decision, waiting for the background's answer to it if need be. */
  const undoLast = async () => {
    const pending = lastAction.current;
    lastAction.current = null;
    const last = pending ? await pending : null;
    if (!last || last.outboxIds.length === 0) return false;
    setToast((current) => (current?.id === last.id ? { ...current, state: 'undone', message: t('undone') } : current));
    await undoRows(last.outboxIds, last.keys);
    return true;
  };

  const dismissToast = useCallback(() => toast.set(null), [toast]);

  // Renders nothing: what the view shows is the same with or without comments it does not list
  // (one that comes back is a change of the view's list, which filters with hiddenNow as it is then).
  const forgetHidden = useCallback((present: (key: string) => boolean) => {
    for (const key of hiddenNow.current) if (!present(key)) hiddenNow.current.delete(key);
  }, []);

  return {
    toast,
    announcement,
    hidden,
    decideStatus,
    decideText,
    undoLast,
    undoRows,
    dismissToast,
    announce,
    forgetHidden,
  };
}
