/**
 * Disconnecting erases everything of a site: sign-in, cached comments and posts, its outbox, drafts,
 * reputation, commenter histories, sync state and bulk jobs (with their ledgers), the
 * content script registration and the host permission (unless another connected site shares them).
 * Decisions that have not reached WordPress yet are only discarded when the user says so.
 */
import { unregisterContentScript } from '../content-scripts.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { forgetSeen } from '../sync/cache-write.ts';
import { allTabPages, setTabPage } from '../tab-state.ts';
import { originPattern, releaseOriginPermission } from './permission.ts';

export async function disconnectSite(
  ctx: BackgroundContext,
  siteId: string,
  { discardUnsent }: { discardUnsent: boolean } = { discardUnsent: false },
): Promise<{ siteId: string }> {
  const site = await ctx.db.sites.get(siteId);
  if (!site) return { siteId };
  const { db } = ctx;
  const unsent = await db.outbox
    .where('siteId')
    .equals(siteId)
    .filter((row) => row.state !== 'done')
    .count();
  if (unsent > 0 && !discardUnsent) {
    throw new ReplyError(
      'unsent_decisions',
      `${unsent} ${unsent === 1 ? 'decision has' : 'decisions have'} not reached ${site.name} yet. Disconnecting discards ${unsent === 1 ? 'it' : 'them'}.`,
    );
  }
  const tables = [
    db.sites,
    db.credentials,
    db.comments,
    db.posts,
    db.outbox,
    db.drafts,
    db.reputation,
    db.syncState,
    db.syncSeen,
    db.commenterHistory,
    db.jobs,
    db.jobChunks,
  ];
  await db.transaction('rw', tables, async () => {
    await db.outbox.where('siteId').equals(siteId).delete();
    await db.drafts.where('siteId').equals(siteId).delete();
    await db.reputation.where('siteId').equals(siteId).delete();
    await db.commenterHistory.where('siteId').equals(siteId).delete();
    await db.syncState.delete(siteId);
    const jobIds = await db.jobs.where('siteId').equals(siteId).primaryKeys();
    await db.jobChunks.where('jobId').anyOf(jobIds).delete();
    await db.jobs.bulkDelete(jobIds);
    await forgetSeen(db, siteId);
    await db.comments.where('[siteId+status]').between([siteId, ''], [siteId, '\uffff']).delete();
    await db.posts.where('[siteId+id]').between([siteId, 0], [siteId, Number.MAX_SAFE_INTEGER]).delete();
    await db.credentials.delete(siteId);
    await db.sites.delete(siteId);
  });
  const pattern = originPattern(site.origin);
  const sharing = (await db.sites.toArray()).some((other) => originPattern(other.origin) === pattern);
  if (!sharing) {
    await unregisterContentScript(ctx, site.origin);
    await releaseOriginPermission(ctx, site.origin);
  }
  for (const [tabId, page] of await allTabPages(ctx)) {
    if (page.siteId === siteId) await setTabPage(ctx, tabId, null);
  }
  return { siteId };
}
