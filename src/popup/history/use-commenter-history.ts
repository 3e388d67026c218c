/** Asks the background for a commenter's history (read from WordPress), with a retry after a failure. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type CommenterHistory, MessageError, sendToBackground } from '../../shared/messages.ts';

export type HistoryState =
  | { state: 'loading' }
  | { state: 'ready'; history: CommenterHistory }
  | { state: 'failed'; message: string };

export function useCommenterHistory(siteId: string, commentId: number): { result: HistoryState; retry: () => void } {
  const [result, setResult] = useState<HistoryState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    sendToBackground({ type: 'readCommenterHistory', siteId, commentId }).then(
      (history) => current && setResult({ state: 'ready', history }),
      (error: unknown) =>
        current &&
        setResult({
          state: 'failed',
          message: error instanceof MessageError || error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      current = false;
    };
  }, [siteId, commentId, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, retry };
}
