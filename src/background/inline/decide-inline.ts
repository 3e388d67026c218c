/**
 * Decisions taken on an article. The comments must belong to the sender's site and, for authors,
 * to a post they may moderate. A published comment the cache does not hold yet (the theme shows it,
 * the pending queue never had it) is read from WordPress first: that also proves it is this site's.
 */
import type { CommentRow, SiteRow } from '../../shared/db/index.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { clientForSite } from '../sites/site-client.ts';
import { toCommentRow } from '../sync/pull-pending.ts';
import { canModeratePost } from './state.ts';

export async function ensureCached(ctx: BackgroundContext, site: SiteRow, commentIds: readonly number[]) {
  const keys = commentIds.map((id) => [site.id, id] as [string, number]);
  const cached = await ctx.db.comments.bulkGet(keys);
  const missing = commentIds.filter((_, index) => cached[index] === undefined);
  if (missing.length === 0) return;
  const client = await clientForSite(ctx, site.id);
  const context = site.mode === 'moderator' ? 'edit' : 'view';
  for (const id of missing) {
    try {
      const comment = await client.getComment(id, context);
      await ctx.db.comments.put(toCommentRow(site.id, comment, ctx.now()));
    } catch (error) {
      if (error instanceof WpError && (error.status === 404 || error.kind === 'forbidden')) {
        throw new ReplyError('comment_not_found', `Comment ${id} is not one ${site.name} lets you moderate.`);
      }
      throw error;
    }
  }
}

/** Every comment is on one post the user may moderate, on this site; answers their cached rows. */
export async function checkMayModerate(
  ctx: BackgroundContext,
  site: SiteRow,
  postId: number,
  commentIds: readonly number[],
): Promise<CommentRow[]> {
  const comments = await ctx.db.comments.bulkGet(commentIds.map((id) => [site.id, id] as [string, number]));
  const rows: CommentRow[] = [];
  for (const [index, comment] of comments.entries()) {
    if (!comment || comment.post !== postId) {
      throw new ReplyError('comment_not_on_article', `Comment ${commentIds[index]} is not on this article.`);
    }
    rows.push(comment);
  }
  if (!(await canModeratePost(ctx, site, postId))) {
    throw new ReplyError('forbidden', `${site.name} does not let you moderate comments on this article.`);
  }
  return rows;
}
