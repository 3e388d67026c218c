/**
 * A view's comments, held in memory and kept current without reading thousands of rows again after
 * every decision: the newest few are read first (the first screen paints at once), then the whole
 * view; after that, Dexie's change notices (also those of the background, over its BroadcastChannel)
 * name the comments that changed, and only those are read again. A change that names no keys (a range,
 * very many keys as after a full sync, or Dexie's "all") reads the whole view again.
 */
import { Dexie } from 'dexie';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type ChangeNotice, changesIn, touchesTables } from '../../shared/db/change-notice.ts';
import type { CommentRow, FreigabeDb, SiteRow } from '../../shared/db/index.ts';
import { firstPageSize, loadFirstPage } from '../../shared/first-screen.ts';
import { sameVerdict } from '../../shared/wp/akismet-field.ts';
import { firstScreenRows, firstScreenRowsNow } from '../first-screen.ts';
import { loadViewComments, newestFirst } from './load.ts';
import { commentKey, mineStatuses, postKey, type ViewName } from './views.ts';

/** more changed comments than this at once: cheaper to read the view again */
const patchLimit = 2000;

export type ViewComments =
  | { state: 'loading' | 'first-page' | 'ready'; rows: readonly CommentRow[] }
  | { state: 'error'; rows: readonly CommentRow[]; error: Error };

/** A first page read before the app renders (main.tsx starts it with the page), taken by the first matching view. */
let prefetched: { db: FreigabeDb; view: ViewName; siteId: string | null; rows: Promise<CommentRow[]> } | null = null;

export function prefetchFirstPage(db: FreigabeDb, view: ViewName = 'hold', siteId: string | null = null): void {
  const rows = view === 'mine' ? Promise.resolve([]) : loadFirstPage(db, view, siteId, firstPageSize);
  // Whoever takes these rows handles their failure; unused, they must not be an unhandled rejection.
  rows.catch(() => undefined);
  prefetched = { db, view, siteId, rows };
}

function firstPageOf(db: FreigabeDb, view: ViewName, siteId: string | null): Promise<CommentRow[]> {
  const early = prefetched;
  prefetched = null;
  if (early && early.db === db && early.view === view && early.siteId === siteId) return early.rows;
  return view === 'mine' ? Promise.resolve([]) : loadFirstPage(db, view, siteId, firstPageSize);
}

/**
 * The first rows: the background's snapshot when it answers before the cache (then the cache's own
 * first page replaces it), else the cache's first page. `fromSnapshot` answers null when it has
 * nothing for this view.
 */
export async function firstRows(
  fromCache: Promise<CommentRow[]>,
  fromSnapshot: Promise<CommentRow[] | null>,
  show: (rows: CommentRow[], from: 'snapshot' | 'cache') => void,
): Promise<void> {
  const first = await Promise.race([
    fromCache.then(() => null),
    fromSnapshot.then((rows) => (rows === null ? fromCache.then(() => null) : rows)),
  ]);
  if (first !== null && first.length > 0) show(first, 'snapshot');
  show(await fromCache, 'cache');
}

/** The same comment, field by field (rows read again are new objects). */
function sameRow(a: CommentRow, b: CommentRow): boolean {
  const fields = Object.keys(b) as (keyof CommentRow)[];
  return (
    fields.length === Object.keys(a).length &&
    fields.every((field) => (field === 'akismet' ? sameVerdict(a.akismet, b.akismet) : a[field] === b[field]))
  );
}

const nextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });

export function useViewComments(
  db: FreigabeDb,
  view: ViewName,
  siteId: string | null,
  sites: readonly SiteRow[],
): ViewComments {
  // The first render shows the background's snapshot when it has answered already (main.tsx waits a
  // little for it): the first frame then has the rows, not a loading screen.
  const [result, setResult] = useState<ViewComments>(() => {
    const rows = firstScreenRowsNow(view, siteId);
    if (rows === null || rows.length === 0) return { state: 'loading', rows: [] };
    performance.mark('freigabe:first-screen-read');
    return { state: 'first-page', rows };
  });
  /** the snapshot's rows are shown already (first render); the first reads then only replace them */
  const snapshotShown = useRef(result.state === 'first-page');
  const sitesRef = useRef(sites);
  sitesRef.current = sites;
  // "Mine" depends on who is signed in where; the other views never re-read for a site's status line.
  const who = view === 'mine' ? sites.map((site) => `${site.id}=${site.userId}`).join(' ') : '';

  // A layout effect: the reads start right after the first render, not a frame later.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `who` (who is signed in where) re-reads "mine"; the sites themselves are read through sitesRef
  useLayoutEffect(() => {
    let alive = true;
    const byKey = new Map<string, CommentRow>();
    let ready = false;
    let loading: Promise<void> | null = null;
    let touched: [string, number][] | 'all' = [];
    let myPosts = new Set<string>();

    const inView = (row: CommentRow) =>
      view === 'mine'
        ? mineStatuses.includes(row.status) && myPosts.has(postKey(row.siteId, row.post))
        : row.status === view && (siteId === null || row.siteId === siteId);
    const publish = () => {
      if (alive) setResult({ state: 'ready', rows: [...byKey.values()].sort(newestFirst) });
    };
    const fail = (error: unknown) => {
      if (alive)
        setResult((last) => ({
          state: 'error',
          rows: last.rows,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
    };

    const loadAll = async () => {
      touched = [];
      if (view === 'mine') {
        const me = new Map(sitesRef.current.map((site) => [site.id, site.userId]));
        myPosts = new Set(
          (await db.posts.toArray())
            .filter((post) => post.author !== null && me.get(post.siteId) === post.author)
            .map((post) => postKey(post.siteId, post.id)),
        );
      }
      const rows = await loadViewComments(db, view, siteId, sitesRef.current);
      performance.mark('freigabe:view-read');
      byKey.clear();
      for (const row of rows) byKey.set(commentKey(row), row);
      ready = true;
      publish();
    };

    const patch = async (keys: [string, number][]) => {
      const rows = await db.comments.bulkGet(keys);
      let changed = false;
      keys.forEach((key, index) => {
        const row = rows[index];
        const id = commentKey({ siteId: key[0], id: key[1] });
        const shown = byKey.get(id);
        if (row && inView(row)) {
          if (shown && sameRow(shown, row)) return;
          byKey.set(id, row);
          changed = true;
        } else if (shown) {
          byKey.delete(id);
          changed = true;
        }
      });
      // A write that changed nothing the view shows (WordPress confirming a status) renders nothing.
      if (changed) publish();
    };

    /** Applies what changed meanwhile, one read at a time. */
    const catchUp = () => {
      if (loading || !ready || !alive) return;
      const pending = touched;
      touched = [];
      if (pending !== 'all' && pending.length === 0) return;
      loading = (pending === 'all' ? loadAll() : patch(pending)).catch(fail).finally(() => {
        loading = null;
        catchUp();
      });
    };

    const onChange = (notice: ChangeNotice) => {
      // "Mine" is the comments on the user's posts: a change to the posts can change which those are.
      const comments =
        view === 'mine' && touchesTables(notice, db.name, ['posts'])
          ? ({ kind: 'everything' } as const)
          : changesIn(notice, db.name, 'comments', patchLimit);
      if (comments.kind === 'none') return;
      if (comments.kind === 'everything' || touched === 'all') touched = 'all';
      else touched.push(...(comments.keys as [string, number][]));
      if (touched !== 'all' && touched.length > patchLimit) touched = 'all';
      queueMicrotask(catchUp);
    };
    Dexie.on('storagemutated', onChange);

    let shown = snapshotShown.current;
    snapshotShown.current = false;
    if (!shown) setResult({ state: 'loading', rows: [] });
    loading = (async () => {
      await firstRows(firstPageOf(db, view, siteId), firstScreenRows(view, siteId), (rows, from) => {
        performance.mark(from === 'snapshot' ? 'freigabe:first-screen-read' : 'freigabe:first-page-read');
        if (!alive || (rows.length === 0 && !shown)) return;
        shown = true;
        setResult({ state: 'first-page', rows });
      });
      // Let the first screen paint before the whole view is read and processed.
      if (shown) await nextFrame();
      if (alive) await loadAll();
    })()
      .catch(fail)
      .finally(() => {
        loading = null;
        catchUp();
      });

    return () => {
      alive = false;
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
  }, [db, view, siteId, who]);

  return result;
}
