/**
 * The queue opened from an article's "History" (background/inline/open-history.ts): its address
 * names the comment (`historySite`, `historyComment`) and the commenter's name as the cache had it;
 * the history panel opens once, over the queue, as if the name had been clicked here.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { commentKey } from '../queue/views.ts';
import type { UiAction } from '../state/ui-state.ts';

export interface HistoryAsked {
  key: string;
  author: string;
}

export function historyFromQuery(search: string): HistoryAsked | null {
  const params = new URLSearchParams(search);
  const siteId = params.get('historySite');
  const id = Number(params.get('historyComment'));
  if (!siteId || !Number.isInteger(id) || id <= 0) return null;
  return { key: commentKey({ siteId, id }), author: (params.get('historyName') ?? '').slice(0, 200) };
}

export function useHistoryFromQuery(dispatch: (action: UiAction) => void): HistoryAsked | null {
  const asked = useMemo(() => historyFromQuery(location.search), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the queue opens
  useEffect(() => {
    if (asked) dispatch({ type: 'showHistory', key: asked.key });
  }, []);
  return asked;
}
