/**
 * The queue as the list shows it: the view's comments (use-view-comments), then filters, clusters
 * and rows derived in memory, so selecting "all 4,000 matching" never needs them rendered.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { CommentRow, FreigabeDb, SiteRow } from '../../shared/db/index.ts';
import type { HiddenComments } from '../actions/use-decisions.ts';
import { type ClusterCache, clustersOf } from './clusters.ts';
import { articleFirst, matchingComments, type PostChoice, postsOf } from './filter.ts';
import { type DisplayRow, displayRows } from './rows.ts';
import { useViewComments } from './use-view-comments.ts';
import { commentKey, type QueueFilter } from './views.ts';

const noRows: readonly CommentRow[] = [];

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
  hidden: HiddenComments,
  /** the post key of the article in front of the user (the side panel), listed first */
  article: string | null = null,
  /**
   * whether the sites and post titles the rows show are known (from the cache or the background's
   * snapshot): until then the rows wait, so none shows "Post #4" for a moment and its title after
   */
  namesKnown = true,
): QueueState {
  const view = useViewComments(db, filter.view, filter.siteId, sites);
  const all = namesKnown ? view.rows : noRows;
  // The cache confirming a decision drops the row the decision already hid: the same rows as
  // before, kept as the same array, so nothing computed from them — and no part shown from them —
  // is done again (rows read again keep their identity: use-view-comments.ts).
  const lastVisible = useRef<readonly CommentRow[]>([]);
  const visible = useMemo(() => {
    const next = hidden.size === 0 ? all : all.filter((row) => !hidden.has(commentKey(row)));
    if (!sameItems(next, lastVisible.current)) lastVisible.current = next;
    return lastVisible.current;
  }, [all, hidden]);
  const matching = useMemo(() => articleFirst(matchingComments(visible, filter), article), [visible, filter, article]);
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

  return {
    state: namesKnown ? view.state : 'loading',
    error: view.state === 'error' ? view.error : null,
    rows,
    matching,
    posts,
    loaded: all,
    loadedKeys,
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
