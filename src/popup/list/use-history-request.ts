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
  useEffect(() => {
    if (!wanted) return;
    let mounted = true;
    void askHistory.ask(comment).then(() => mounted && setSettled(key));
    return () => {
      mounted = false;
    };
  }, [wanted, askHistory, key]);
  // Settled with no answer cached (site offline or signed out, no reply): what is known here counts.
  return wanted && settled !== key;
}
