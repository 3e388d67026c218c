/**
 * One article's comments of one status, read fresh from WordPress (the newest 100) into the cache:
 * its pending comments when the article is opened (the queue sync may be minutes old), its spam
 * when a moderator asks to see it (spam is not part of the synced queue). Unsent decisions win over
 * what the server says.
 */
import type { SiteRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';
import { clientForSite } from '../sites/site-client.ts';
import { toCommentRow } from '../sync/pull-pending.ts';

export async function fetchPostComments(
  ctx: BackgroundContext,
  site: SiteRow,
  postId: number,
  status: 'hold' | 'spam',
): Promise<void> {
  if (status === 'spam' && site.mode !== 'moderator') return;
  const client = await clientForSite(ctx, site.id);
  const page = await client.listComments({
    status,
    type: 'all',
    post: [postId],
    perPage: 100,
    orderby: 'date_gmt',
    order: 'desc',
    context: site.mode === 'moderator' ? 'edit' : 'view',
  });
  const syncedAt = ctx.now();
  await ctx.db.transaction('rw', ctx.db.comments, ctx.db.outbox, async () => {
    const unsent = new Set(
      (await ctx.db.outbox.where('siteId').equals(site.id).toArray())
        .filter((row) => row.state === 'waiting' || row.state === 'sending')
        .map((row) => row.commentId),
    );
    await ctx.db.comments.bulkPut(
      page.items
        .filter((comment) => !unsent.has(comment.id))
        .map((comment) => toCommentRow(site.id, comment, syncedAt)),
    );
  });
}
