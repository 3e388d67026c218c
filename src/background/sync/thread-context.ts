/**
 * Thread context: the approved comments of a post the user looks at (recent first, up to
 * `contextLimit`), so the queue can show what a pending comment answers. Fetched when a tab reports
 * an article of a connected site, at most once per `contextFreshForMs` per post. Cached approved
 * comments of the post that are no longer approved are re-read by id (moved, or gone).
 */
import type { ArticleTotals, CommentRow } from '../../shared/db/index.ts';
import type { WpComment } from '../../shared/wp/schemas.ts';
import type { BackgroundContext } from '../context.ts';
import { clientForSite } from '../sites/site-client.ts';
import { decidedSince, notComments, syncTables, toCommentRow, updateSyncState, writePulled } from './cache-write.ts';
import { perPage, recheck } from './fetch-queue.ts';
import { fetchMissingPosts } from './related.ts';

export const contextFreshForMs = 5 * 60_000;
export const contextLimit = 300;
/** Posts not looked at for this long are forgotten in `contextFetchedAt` (the comments stay). */
const forgetAfterMs = 7 * 24 * 60 * 60_000;

const fetching = new Map<string, Promise<number | null>>();

/**
 * Fetches the post's thread context unless it is fresh; answers how many approved comments were
 * read (null: still fresh, or the site is not connected). Two tabs on one post fetch it once.
 */
export function fetchThreadContext(ctx: BackgroundContext, siteId: string, postId: number): Promise<number | null> {
  const key = `${siteId}\n${postId}`;
  const current = fetching.get(key);
  if (current) return current;
  const work = fetchContext(ctx, siteId, postId).finally(() => fetching.delete(key));
  fetching.set(key, work);
  return work;
}

async function fetchContext(ctx: BackgroundContext, siteId: string, postId: number): Promise<number | null> {
  const site = await ctx.db.sites.get(siteId);
  if (!site) return null;
  const startedAt = ctx.now();
  const last = (await ctx.db.syncState.get(siteId))?.contextFetchedAt[postId];
  if (last !== undefined && startedAt >= last && startedAt - last < contextFreshForMs) return null;
  const client = await clientForSite(ctx, siteId);
  const context = site.mode === 'moderator' ? 'edit' : 'view';
  const approved: WpComment[] = [];
  let complete = false;
  for (let page = 1; page <= Math.ceil(contextLimit / perPage); page++) {
    const result = await client.listComments({
      post: [postId],
      status: 'approve',
      type: 'all',
      perPage,
      page,
      orderby: 'date_gmt',
      order: 'desc',
      context,
    });
    approved.push(...result.items);
    if (page >= result.totalPages || result.items.length === 0) {
      complete = approved.length >= result.total;
      break;
    }
  }
  // More than it reads: the article's counts come from WordPress (comments and pings, never notes).
  let approvedTotals: ArticleTotals | undefined;
  if (!complete) {
    const count = async (type: 'comment' | 'pings') =>
      (await client.listCommentIds({ post: [postId], status: 'approve', type, perPage: 1 })).total;
    const [comments, pings] = await Promise.all([count('comment'), count('pings')]);
    approvedTotals = { comments, pings };
  }
  const rows = approved
    .filter((comment) => !notComments.has(comment.type))
    .map((comment) => toCommentRow(siteId, comment, startedAt));
  // Only a complete list tells that a cached approved comment is no longer approved.
  const moved: CommentRow[] = [];
  let gone: number[] = [];
  if (complete) {
    const listed = new Set(approved.map((comment) => comment.id));
    const unlisted = (
      await ctx.db.comments.where('[siteId+post+status]').equals([siteId, postId, 'approved']).primaryKeys()
    )
      .map(([, id]) => id)
      .filter((id) => !listed.has(id));
    // Only these comments' decisions, not the site's whole outbox.
    const decided = await decidedSince(ctx, siteId, startedAt, unlisted);
    const stale = unlisted.filter((id) => !decided.has(id));
    const whereabouts = await recheck(client, stale, context);
    for (const comment of whereabouts.values()) moved.push(toCommentRow(siteId, comment, startedAt));
    gone = stale.filter((id) => !whereabouts.has(id));
  }
  const posts = await fetchMissingPosts(ctx, client, siteId, [postId]);
  await ctx.db.transaction('rw', syncTables(ctx.db), async () => {
    await writePulled(ctx, siteId, [...rows, ...moved], startedAt);
    const stillDecided = await decidedSince(ctx, siteId, startedAt, gone);
    await ctx.db.comments.bulkDelete(gone.filter((id) => !stillDecided.has(id)).map((id) => [siteId, id]));
    await ctx.db.posts.bulkPut(posts);
    await ctx.db.posts.update([siteId, postId], { approvedTotals });
    await updateSyncState(ctx.db, siteId, (state) => {
      const contextFetchedAt: Record<number, number> = { [postId]: startedAt };
      for (const [post, at] of Object.entries(state.contextFetchedAt)) {
        if (startedAt - at < forgetAfterMs && Number(post) !== postId) contextFetchedAt[Number(post)] = at;
      }
      return { contextFetchedAt };
    });
  });
  return rows.length;
}
