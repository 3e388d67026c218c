/**
 * The server half of the search box. Once the user has typed at least two characters and paused,
 * the background searches the blog(s) in scope for the view on screen and writes what it finds into
 * the cache, where the list picks it up through its change notices (use-view-comments). Only the
 * latest query's answer counts: an older one that arrives late is ignored. The outcome is announced
 * to screen readers.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SiteRow } from '../../shared/db/index.ts';
import { sendToBackground } from '../../shared/messages.ts';
import { parsePostKey, type QueueFilter } from '../queue/views.ts';
import type { SearchRequest, ServerSearch } from './search-state.ts';
import { searchSummary } from './summary.ts';

/** the pause after the last key before the blog is asked */
export const searchDelayMs = 400;
/** shorter queries match too much to be worth a request */
export const minQueryLength = 2;

/** What the background is asked for the filters on screen (null: the query is too short). */
export function serverSearchRequest(filter: QueueFilter): SearchRequest | null {
  const query = filter.search.trim();
  if ([...query].length < minQueryLength) return null;
  const request: SearchRequest = { type: 'searchServer', query, view: filter.view, commentType: filter.type };
  if (filter.siteId !== null) request.siteId = filter.siteId;
  if (filter.post !== null) request.post = parsePostKey(filter.post);
  return request;
}

export function useServerSearch(
  filter: QueueFilter,
  sites: ReadonlyMap<string, SiteRow>,
  announce: (text: string) => void,
): { search: ServerSearch; retry: () => void } {
  const request = serverSearchRequest(filter);
  const key = request === null ? '' : JSON.stringify(request);
  const [search, setSearch] = useState<ServerSearch>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const retryNow = useRef(false);
  const latest = useRef({ sites, announce });
  latest.current = { sites, announce };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the request as text (a new object each render); `attempt` is Retry
  useEffect(() => {
    // While the user types nothing is said: an older query's outcome would be about other words.
    setSearch({ state: 'idle' });
    if (request === null) return;
    let current = true;
    const settle = (settled: ServerSearch) => {
      if (!current) return;
      setSearch(settled);
      const { lines } = searchSummary(settled, latest.current.sites);
      latest.current.announce(lines.map((line) => line.text).join('. '));
    };
    const timer = setTimeout(
      () => {
        setSearch({ state: 'searching', request });
        sendToBackground(request).then(
          (result) => settle({ state: 'done', request, result }),
          (error: unknown) =>
            settle({ state: 'failed', request, message: error instanceof Error ? error.message : String(error) }),
        );
      },
      retryNow.current ? 0 : searchDelayMs,
    );
    retryNow.current = false;
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, attempt]);

  const retry = useCallback(() => {
    retryNow.current = true;
    setAttempt((count) => count + 1);
  }, []);
  return { search, retry };
}
