/**
 * What the cached comments refer to: the comments pending ones reply to ("in reply to …"), and the
 * titles of their posts. Only what the cache does not hold yet is fetched.
 */
import type { CommentRow, PostRow } from '../../shared/db/index.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import type { BackgroundContext } from '../context.ts';
import { notComments, toCommentRow } from './cache-write.ts';
import { perPage } from './fetch-queue.ts';

/** Parents fetched per sync at most (the rest next time): 20 requests. */
const maxParentsPerSync = 2_000;

async function uncached(ctx: BackgroundContext, siteId: string, ids: Iterable<number>): Promise<number[]> {
  const wanted = [...new Set(ids)].filter((id) => id > 0);
  const cached = new Set(
    (
      await ctx.db.comments
        .where('[siteId+id]')
        .anyOf(wanted.map((id) => [siteId, id]))
        .primaryKeys()
    ).map(([, id]) => id),
  );
  return wanted.filter((id) => !cached.has(id));
}

/** The parents of these comments that are not cached, read by id (one request per 100). */
export async function fetchMissingParents(
  ctx: BackgroundContext,
  client: WpClient,
  siteId: string,
  parentIds: Iterable<number>,
  context: 'view' | 'edit',
  syncedAt: number,
): Promise<CommentRow[]> {
  const missing = (await uncached(ctx, siteId, parentIds)).slice(0, maxParentsPerSync);
  const rows: CommentRow[] = [];
  for (let start = 0; start < missing.length; start += perPage) {
    const include = missing.slice(start, start + perPage);
    const found = await client.listComments({ include, status: 'any', type: 'all', perPage, context });
    for (const comment of found.items) {
      if (!notComments.has(comment.type)) rows.push(toCommentRow(siteId, comment, syncedAt));
    }
  }
  return rows;
}

/** Titles and links of the posts (or pages) these ids name that are not cached yet. */
export async function fetchMissingPosts(
  ctx: BackgroundContext,
  client: WpClient,
  siteId: string,
  postIds: Iterable<number>,
): Promise<PostRow[]> {
  const ids = [...new Set(postIds)].filter((id) => id > 0);
  const known = await ctx.db.posts.bulkGet(ids.map((id) => [siteId, id] as [string, number]));
  let missing = ids.filter((_, index) => known[index] === undefined);
  const rows: PostRow[] = [];
  for (const kind of ['posts', 'pages'] as const) {
    for (let start = 0; start < missing.length; start += perPage) {
      const found = await client.listPosts(kind, missing.slice(start, start + perPage));
      for (const post of found) {
        rows.push({ siteId, id: post.id, title: post.title.rendered, link: post.link, author: post.author ?? null });
      }
    }
    const foundIds = new Set(rows.map((row) => row.id));
    missing = missing.filter((id) => !foundIds.has(id));
  }
  return rows;
}
