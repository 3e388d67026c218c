/** The queue the popup shows, read from the cache. */
import type { CommentRow, FreigabeDb, PostRow, SiteRow } from '../shared/db/index.ts';

export interface QueueItem {
  comment: CommentRow;
  post: PostRow | undefined;
  site: SiteRow | undefined;
}

export interface Queue {
  sites: SiteRow[];
  items: QueueItem[];
}

export async function readPendingQueue(db: FreigabeDb): Promise<Queue> {
  const [sites, pending] = await Promise.all([
    db.sites.toArray(),
    db.comments.where('status').equals('hold').toArray(),
  ]);
  pending.sort((a, b) => b.date - a.date);
  const posts = await db.posts.bulkGet(pending.map((comment) => [comment.siteId, comment.post] as [string, number]));
  const sitesById = new Map(sites.map((site) => [site.id, site]));
  return {
    sites,
    items: pending.map((comment, index) => ({ comment, post: posts[index], site: sitesById.get(comment.siteId) })),
  };
}
