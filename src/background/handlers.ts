/** What the background does for each message. */

import { readSettings } from '../shared/settings.ts';
import { updateBadges } from './badge.ts';
import type { BackgroundContext } from './context.ts';
import { saveDraft } from './drafts.ts';
import { decide, undo } from './outbox/decide.ts';
import { flushAndReschedule, scheduleFlush } from './outbox/schedule.ts';
import { statusAfter } from './outbox/status.ts';
import { ReplyError } from './reply-error.ts';
import type { ContentHandlers, PageHandlers } from './router.ts';
import { completeAuthorization, startAuthorization } from './sites/authorize.ts';
import { disconnectSite } from './sites/disconnect.ts';
import { connectWithPassword } from './sites/password.ts';
import { connectWithSession } from './sites/session.ts';
import { syncAllSites, syncIfStale } from './sync/schedule.ts';
import { probeTab } from './tab-probe.ts';
import { setTabPage } from './tab-state.ts';

export const contentHandlers: ContentHandlers = {
  async pageDetected(ctx, { page }, from) {
    // The site is whichever connected site has this page's origin: never what the page claims.
    const site = await ctx.db.sites.where('origin').equals(from.url.origin).first();
    if (!site || !page.isWordPress) {
      await setTabPage(ctx, from.tabId, null);
      return { connected: false };
    }
    await setTabPage(ctx, from.tabId, { siteId: site.id, postId: page.postId });
    await updateBadges(ctx);
    void syncIfStale(ctx, site.id).then(() => updateBadges(ctx));
    return { connected: true };
  },
};

export const pageHandlers: PageHandlers = {
  connectWithPassword: (ctx, request) => afterSignIn(ctx, connectWithPassword(ctx, request)),
  connectWithSession: (ctx, request) => afterSignIn(ctx, connectWithSession(ctx, request)),
  startAuthorization: (ctx, request) => startAuthorization(ctx, request),
  completeAuthorization: (ctx, request) => afterSignIn(ctx, completeAuthorization(ctx, request)),
  disconnectSite: (ctx, request) =>
    afterwardsBadges(ctx, disconnectSite(ctx, request.siteId, { discardUnsent: request.discardUnsent ?? false })),
  probeTab: (ctx, request) => probeTab(ctx, request.tabId),
  async decide(ctx, request) {
    const site = await ctx.db.sites.get(request.siteId);
    if (!site) throw new ReplyError('site_not_connected', 'This site is not connected.');
    const { undoWindowSeconds } = await readSettings(ctx.browser);
    const outboxIds = await decide(ctx, { ...request, undoWindowMs: undoWindowSeconds * 1000 });
    await updateBadges(ctx);
    await scheduleFlush(ctx);
    return { outboxIds };
  },
  async undo(ctx, request) {
    const result = await undo(ctx, request.outboxId);
    await updateBadges(ctx);
    await scheduleFlush(ctx);
    return { result };
  },
  async saveDraft(ctx, request) {
    if (!(await ctx.db.sites.get(request.siteId)))
      throw new ReplyError('site_not_connected', 'This site is not connected.');
    return saveDraft(ctx, request);
  },
  async retry(ctx, request) {
    const state = await retryDecision(ctx, request.outboxId);
    await updateBadges(ctx);
    await scheduleFlush(ctx);
    return { state };
  },
  async clearCache(ctx, request) {
    const removed = await clearCachedComments(ctx, request.siteId);
    void syncAllSites(ctx, request.siteId)
      .then(() => updateBadges(ctx))
      .catch(() => undefined);
    return { siteId: request.siteId, removed };
  },
  async syncNow(ctx, request) {
    const summaries = await syncAllSites(ctx, request.siteId);
    await updateBadges(ctx);
    return summaries;
  },
};

/**
 * A failed (or conflicting) decision goes back to waiting, due now; the cache shows it again as
 * decided until WordPress answers (a failure had rolled it back).
 */
async function retryDecision(ctx: BackgroundContext, outboxId: number): Promise<'waiting' | 'sending' | 'done'> {
  const { db } = ctx;
  return db.transaction('rw', db.outbox, db.comments, async () => {
    const row = await db.outbox.get(outboxId);
    if (!row) throw new ReplyError('unknown_decision', 'This decision is no longer known.');
    if (row.state !== 'failed' && row.state !== 'conflict') return row.state;
    await db.outbox.update(outboxId, { state: 'waiting', notBefore: ctx.now(), error: null, attempts: 0 });
    const key: [string, number] = [row.siteId, row.commentId];
    const cached = await db.comments.get(key);
    if (row.decision === 'delete') await db.comments.delete(key);
    else if (cached && row.decision !== 'reply' && row.decision !== 'edit')
      await db.comments.update(key, { status: statusAfter(row.decision, cached.status) });
    return 'waiting';
  });
}

/** "Clear cache": a site's cached comments and posts go; what an unsent decision is about stays. */
async function clearCachedComments(ctx: BackgroundContext, siteId: string): Promise<number> {
  const { db } = ctx;
  if (!(await db.sites.get(siteId))) throw new ReplyError('site_not_connected', 'This site is not connected.');
  return db.transaction('rw', [db.comments, db.posts, db.outbox, db.syncState], async () => {
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
    await db.syncState.update(siteId, { contextFetchedAt: {}, cursor: null });
    return removed.length;
  });
}

/** A site signed in (again): what waited for it is sent now. */
async function afterSignIn<T>(ctx: BackgroundContext, work: Promise<T>): Promise<T> {
  const result = await afterwardsBadges(ctx, work);
  void flushAndReschedule(ctx);
  return result;
}

async function afterwardsBadges<T>(ctx: BackgroundContext, work: Promise<T>): Promise<T> {
  const result = await work;
  await updateBadges(ctx);
  return result;
}

export async function refreshEverything(ctx: BackgroundContext): Promise<void> {
  await syncAllSites(ctx);
  await updateBadges(ctx);
}
