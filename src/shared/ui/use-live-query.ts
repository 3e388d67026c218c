/** Preact hook over Dexie's liveQuery: re-renders when the rows a query read change. */
import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

export type LiveResult<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: Error };

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ state: 'loading' });
  // Subscribed right after the render (a layout effect), not a frame later: pages open faster.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when the query is a new one (like dexie-react-hooks)
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ state: 'ready', value }),
      error: (error: unknown) =>
        setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
  }, [...deps]);
  return result;
}
