import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { forgetSeen } from './cache-write.ts';

/**
 * "Clear cache": a site's cached comments and posts go, and what WordPress said about their authors'
 * histories (asked again when the comments are back); what an unsent decision is about stays.
 */
export async function clearCachedComments(ctx: BackgroundContext, siteId: string): Promise<number> {
  const { db } = ctx;
  if (!(await db.sites.get(siteId))) throw new ReplyError('site_not_connected', 'This site is not connected.');
  return db.transaction(
    'rw',
    [db.comments, db.posts, db.outbox, db.syncState, db.syncSeen, db.commenterHistory],
    async () => {
      const unsent = await db.outbox
        .where('siteId')
        .equals(siteId)
        .filter((row) => row.state !== 'done')
        .toArray();
      const keep = new Set(unsent.map((row) => row.commentId));
      const cached = await db.comments.where('[siteId+status]').between([siteId, ''], [siteId, '\uffff']).primaryKeys();
      const removed = cached.filter(([, id]) => !keep.has(id));
      await db.comments.bulkDelete(removed);
      await db.posts.where('[siteId+id]').between([siteId, 0], [siteId, Number.MAX_SAFE_INTEGER]).delete();
      await db.commenterHistory.where('siteId').equals(siteId).delete();
      await db.syncState.update(siteId, { contextFetchedAt: {}, cursor: null });
      await forgetSeen(db, siteId);
      return removed.length;
    },
  );
}
