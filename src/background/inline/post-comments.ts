/**
 * One article's comments of one status, read fresh from WordPress (the newest 100) into the cache:
 * its pending comments when the article is opened (the queue sync may be minutes old), its spam
 * when a moderator asks to see it (spam is not part of the synced queue). Decisions win over what
 * the server says.
 */
import type { SiteRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';
import { clientForSite } from '../sites/site-client.ts';
import { notComments, syncTables, toCommentRow, writePulled } from '../sync/cache-write.ts';

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
  const rows = page.items
    .filter((comment) => !notComments.has(comment.type))
    .map((comment) => toCommentRow(site.id, comment, syncedAt));
  // The sync's own write path: decisions win, only changed comments are written, reputation follows.
  await ctx.db.transaction('rw', syncTables(ctx.db), () => writePulled(ctx, site.id, rows, syncedAt));
}
