/** What the queue reads from the cache (the background writes it; pages only read). */
import { onPosts, withStatus } from '../../shared/db/comment-ranges.ts';
import type { CommentRow, FreigabeDb, PostRow, SiteRow, StatusCounts } from '../../shared/db/index.ts';
import { mineStatuses, type StatusView, statusViews, type ViewName } from './views.ts';

export const newestFirst = (a: CommentRow, b: CommentRow) => b.date - a.date || b.id - a.id;

/** Posts written by the signed-in user, per site: what "Mine" shows. */
function myPostKeys(sites: readonly SiteRow[], posts: readonly PostRow[]): [string, number][] {
  const me = new Map(sites.map((site) => [site.id, site.userId]));
  return posts
    .filter((post) => post.author !== null && me.get(post.siteId) === post.author)
    .map((post) => [post.siteId, post.id]);
}

/** Every cached comment of a view (of one site or all), newest first. */
export async function loadViewComments(
  db: FreigabeDb,
  view: ViewName,
  siteId: string | null,
  sites: readonly SiteRow[],
): Promise<CommentRow[]> {
  let rows: CommentRow[];
  if (view === 'mine') {
    const scope = siteId === null ? sites : sites.filter((site) => site.id === siteId);
    const posts = await db.posts.toArray();
    const keys = myPostKeys(scope, posts);
    rows = keys.length === 0 ? [] : await onPosts(db, keys, mineStatuses).toArray();
  } else if (siteId === null) rows = await withStatus(db, view).toArray();
  else rows = await db.comments.where('[siteId+status]').equals([siteId, view]).toArray();
  return rows.sort(newestFirst);
}

export interface ViewCounts {
  /** comments in the cache per view */
  cached: Record<ViewName, number>;
  /**
   * what the server counted at the last sync (X-WP-Total), when every site in scope has counted;
   * a status is left out where a site could not count it (authors see only their pending comments)
   */
  server: Partial<Record<StatusView, number>> | null;
}

export async function loadCounts(
  db: FreigabeDb,
  siteId: string | null,
  sites: readonly SiteRow[],
): Promise<ViewCounts> {
  const scope = siteId === null ? sites : sites.filter((site) => site.id === siteId);
  const cachedStatus = await Promise.all(
    statusViews.map((status) =>
      siteId === null
        ? withStatus(db, status).count()
        : db.comments.where('[siteId+status]').equals([siteId, status]).count(),
    ),
  );
  const mineKeys = scope.some((site) => site.mode === 'author') ? myPostKeys(scope, await db.posts.toArray()) : [];
  const mine = mineKeys.length === 0 ? 0 : await onPosts(db, mineKeys, mineStatuses).count();
  const states = await db.syncState.bulkGet(scope.map((site) => site.id));
  const counted = states
    .map((state) => state?.counts ?? null)
    .filter((counts): counts is StatusCounts => counts !== null);
  const server =
    scope.length > 0 && counted.length === scope.length
      ? {
          hold: sum(counted, 'hold'),
          approved: sum(counted, 'approved'),
          spam: sum(counted, 'spam'),
          trash: sum(counted, 'trash'),
        }
      : null;
  const [hold = 0, approved = 0, spam = 0, trash = 0] = cachedStatus;
  return { cached: { hold, approved, spam, trash, mine }, server };
}

/** The total over sites, or undefined when one of them does not know it. */
function sum(counts: StatusCounts[], field: StatusView): number | undefined {
  let total = 0;
  for (const count of counts) {
    const value = count[field];
    if (value === null) return undefined;
    total += value;
  }
  return total;
}
