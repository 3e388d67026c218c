/**
 * The queue as the list shows it. Two reads: the newest few comments first (the first screen paints
 * right away), then the whole view as a live query; filters, clusters and rows are derived in memory,
 * so selecting "all 4,000 matching" never needs them rendered.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CommentRow, FreigabeDb, SiteRow } from '../../shared/db/index.ts';
import { useLiveQuery } from '../../shared/ui/use-live-query.ts';
import { type ClusterCache, clustersOf } from './clusters.ts';
import { matchingComments, type PostChoice, postsOf } from './filter.ts';
import { loadFirstPage, loadViewComments } from './load.ts';
import { type DisplayRow, displayRows } from './rows.ts';
import { commentKey, type QueueFilter } from './views.ts';

export const firstPageSize = 30;
const none: CommentRow[] = [];

export interface QueueState {
  /** 'first-page': only the newest few are known yet */
  state: 'loading' | 'first-page' | 'ready' | 'error';
  error: Error | null;
  rows: DisplayRow[];
  /** every comment matching the filters (what "select all" selects) */
  matching: CommentRow[];
  /** the posts of the view, for the post filter */
  posts: PostChoice[];
  /** what the cache holds for the view (before hiding and filtering) */
  loaded: readonly CommentRow[];
  loadedKeys: () => ReadonlySet<string>;
}

export function useQueue(
  db: FreigabeDb,
  sites: readonly SiteRow[],
  filter: QueueFilter,
  expanded: ReadonlySet<string>,
  hidden: ReadonlySet<string>,
): QueueState {
  // "Mine" depends on who is signed in where; the other views never re-read for a site's status line.
  const sitesRef = useRef(sites);
  sitesRef.current = sites;
  const whoKey = filter.view === 'mine' ? sites.map((site) => `${site.id}=${site.userId}`).join(' ') : '';
  const full = useLiveQuery(
    () => loadViewComments(db, filter.view, filter.siteId, sitesRef.current),
    [db, filter.view, filter.siteId, whoKey],
  );

  const [firstPage, setFirstPage] = useState<CommentRow[] | null>(null);
  useEffect(() => {
    let current = true;
    setFirstPage(null);
    loadFirstPage(db, filter.view, filter.siteId, firstPageSize).then(
      (rows) => current && setFirstPage(rows),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [db, filter.view, filter.siteId]);

  const all = full.state === 'ready' ? full.value : (firstPage ?? none);
  const visible = useMemo(
    () => (hidden.size === 0 ? all : all.filter((row) => !hidden.has(commentKey(row)))),
    [all, hidden],
  );
  const matching = useMemo(() => matchingComments(visible, filter), [visible, filter]);
  const clusterCache = useRef<ClusterCache | null>(null);
  const clusters = useMemo(() => {
    clusterCache.current = clustersOf(matching, clusterCache.current);
    return clusterCache.current.clusters;
  }, [matching]);
  const rows = useMemo(() => displayRows(matching, clusters, expanded), [matching, clusters, expanded]);
  const posts = useMemo(() => postsOf(visible), [visible]);

  const loadedKeys = useMemo(() => {
    let keys: Set<string> | null = null;
    return () => {
      keys ??= new Set(all.map(commentKey));
      return keys;
    };
  }, [all]);

  const state =
    full.state === 'ready' ? 'ready' : full.state === 'error' ? 'error' : firstPage !== null ? 'first-page' : 'loading';
  return { state, error: full.state === 'error' ? full.error : null, rows, matching, posts, loaded: all, loadedKeys };
}
