/**
 * A row whose pending comment has nothing decided here about its author asks the background to
 * confirm with WordPress (moderators only: the address is what is asked about), unless the cache
 * holds a recent answer. The asker batches the rows and asks once per address.
 */
import { useEffect, useState } from 'preact/hooks';
import { historyDue, historyEmail } from '../../shared/commenter-history.ts';
import type { CommentRow } from '../../shared/db/index.ts';
import { isFirstTime, wantsFirstTimeSignal } from '../../shared/signals.ts';
import { useQueueContext } from '../queue-context.ts';
import type { ItemContext } from './use-item-context.ts';

/**
 * How long a row waits for its live query to bring in an answer the background has written (the
 * change notice can trail the reply by a few frames, longer on a busy machine).
 */
export const answerGraceMs = 2_000;

/** Answers whether the row is waiting for WordPress's answer (then it shows no first-time signal yet). */
export function useHistoryRequest(comment: CommentRow, moderator: boolean, context: ItemContext | null): boolean {
  const { askHistory } = useQueueContext();
  const email = historyEmail(comment);
  const wanted =
    moderator &&
    context !== null &&
    email !== null &&
    wantsFirstTimeSignal(comment) &&
    isFirstTime(context.reputation.map(({ row }) => row)) &&
    historyDue(context.history, Date.now());
  const key = `${comment.siteId}\n${email}`;
  const [settled, setSettled] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once per commenter (key); every re-read of the row is a new `comment` object
  useEffect(() => {
    if (!wanted) return;
    let mounted = true;
    let grace: ReturnType<typeof setTimeout> | undefined;
    void askHistory.ask(comment).then((answered) => {
      if (!mounted) return;
      // Answered: the answer is in the cache, and once this row's live query reads it the row no
      // longer wants asking. Until then the row still waits — settling at once let a regular's row
      // flash the "first" tag for the moment between the reply and the change notice.
      if (answered) grace = setTimeout(() => mounted && setSettled(key), answerGraceMs);
      else setSettled(key);
    });
    return () => {
      mounted = false;
      clearTimeout(grace);
    };
  }, [wanted, askHistory, key]);
  // Settled with no answer cached (no reply, or none came into the cache): what is known here counts.
  return wanted && settled !== key;
}
