/** What the background does for each message. */

import { reportError } from '../shared/report-error.ts';
import { readSettings } from '../shared/settings.ts';
import { updateBadges } from './badge.ts';
import { blocklistContentHandlers, blocklistPageHandlers } from './blocklist/handlers.ts';
import { checkCommenterHistory } from './commenter-history.ts';
import type { BackgroundContext } from './context.ts';
import { saveDraft } from './drafts.ts';
import { checkMayModerate, ensureCached } from './inline/decide-inline.ts';
import { injectInlineView, injectPart } from './inline/inject.ts';
import { refreshViews } from './inline/notify.ts';
import { openHistoryFromArticle } from './inline/open-history.ts';
import { fetchPostComments } from './inline/post-comments.ts';
import { postOfSender, siteOfSender } from './inline/sender-site.ts';
import { inlineState } from './inline/state.ts';
import { verifiedArticleLink } from './inline/verified-article.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { resumeAfterSignIn, runJobsAndReschedule } from './jobs/schedule.ts';
import { decide, undo } from './outbox/decide.ts';
import { releaseHeldDecisions } from './outbox/release.ts';
import { retryDecision } from './outbox/retry.ts';
import { flushAndReschedule, scheduleFlush } from './outbox/schedule.ts';
import { readCommenterHistory } from './read-commenter-history.ts';
import { ReplyError } from './reply-error.ts';
import type { ContentHandlers, PageHandlers } from './router.ts';
import { completeAuthorization, startAuthorization } from './sites/authorize.ts';
import { checkSite } from './sites/check.ts';
import { disconnectSite } from './sites/disconnect.ts';
import { connectWithPassword } from './sites/password.ts';
import { connectWithSession } from './sites/session.ts';
import { connectedSiteOf } from './sites/site-of-page.ts';
import { clearCachedComments } from './sync/clear-cache.ts';
import { syncAllSites, syncIfStale } from './sync/schedule.ts';
import { searchServer } from './sync/search.ts';
import { fetchThreadContext } from './sync/thread-context.ts';
import { probeTab } from './tab-probe.ts';
import { setTabPage } from './tab-state.ts';
import { findUnreplied, refreshUnrepliedCounts } from './unreplied.ts';

export const contentHandlers: ContentHandlers = {
  ...blocklistContentHandlers,
  async pageDetected(ctx, { page }, from) {
    // The site is the connected site whose home holds the page's URL (several may share its
    // origin); a page announcing another site's REST API is not this site's.
    const site = await connectedSiteOf(ctx, from.url, page.restRoot);
    if (!site || !page.isWordPress) {
      await setTabPage(ctx, from.tabId, null);
      return { connected: false };
    }
    // The article only if WordPress's link for it is this tab's URL: the page's claim is not proof.
    const link = page.postId === null ? null : await verifiedArticleLink(ctx, site, page.postId, from.url);
    const postId = link === null ? null : page.postId;
    await setTabPage(ctx, from.tabId, { siteId: site.id, postId, ...(link === null ? {} : { link }) });
    await updateBadges(ctx);
    const article = postId !== null && page.commentsInDom !== false;
    if (article) void injectInlineView(ctx, from.tabId);
    if (postId !== null) {
      // The article's own pending comments, fresh (the queue's last sync may be minutes old), and
      // the thread around them; one refresh of the badge and the open articles once both are in.
      const reads: Promise<unknown>[] = [fetchThreadContext(ctx, site.id, postId)];
      if (article) reads.push(fetchPostComments(ctx, site, postId, 'hold'));
      void Promise.allSettled(reads).then(() => refreshViews(ctx, site.id));
    }
    void syncIfStale(ctx, site.id).then((synced) => (synced ? refreshViews(ctx, site.id) : undefined));
    return { connected: true };
  },
  async inlineState(ctx, request, from) {
    const site = await siteOfSender(ctx, from);
    const postId = await postOfSender(ctx, from, site);
    if (request.includeSpam) await fetchPostComments(ctx, site, postId, 'spam');
    return inlineState(ctx, site, postId, request);
  },
  async decideInline(ctx, request, from) {
    const site = await siteOfSender(ctx, from);
    const postId = await postOfSender(ctx, from, site);
    await ensureCached(ctx, site, request.commentIds);
    await checkMayModerate(ctx, site, postId, request.commentIds);
    const { undoWindowSeconds } = await readSettings(ctx.db);
    const outboxIds = await decide(ctx, { ...request, siteId: site.id, undoWindowMs: undoWindowSeconds * 1000 });
    await scheduleFlush(ctx);
    await refreshViews(ctx, site.id);
    return { outboxIds };
  },
  async undoInline(ctx, request, from) {
    const site = await siteOfSender(ctx, from);
    const row = await ctx.db.outbox.get(request.outboxId);
    if (!row || row.siteId !== site.id) throw new ReplyError('unknown_decision', 'This decision is no longer known.');
    const result = await undo(ctx, request.outboxId);
    await scheduleFlush(ctx);
    await refreshViews(ctx, site.id);
    return { result };
  },
  async commenterDetails(ctx, request, from) {
    const site = await siteOfSender(ctx, from);
    const postId = await postOfSender(ctx, from, site);
    await ensureCached(ctx, site, [request.commentId]);
    const [comment] = await checkMayModerate(ctx, site, postId, [request.commentId]);
    return { email: comment?.authorEmail ?? null, ip: comment?.authorIp ?? null, url: comment?.authorUrl ?? '' };
  },
  openCommenterHistory: (ctx, request, from) => openHistoryFromArticle(ctx, request, from),
  // The parts file for the reactions overview: for whoever the article's view shows it to (its author too).
  async loadReactionsPanel(ctx, _request, from) {
    await postOfSender(ctx, from, await siteOfSender(ctx, from));
    return injectPart(ctx, from.tabId, ctx.partsFile);
  },
  async saveDraftInline(ctx, request, from) {
    const site = await siteOfSender(ctx, from);
    const postId = await postOfSender(ctx, from, site);
    await checkMayModerate(ctx, site, postId, [request.commentId]);
    return saveDraft(ctx, { ...request, siteId: site.id });
  },
};

export const pageHandlers: PageHandlers = {
  ...jobHandlers,
  ...blocklistPageHandlers,
  connectWithPassword: (ctx, request) => afterSignIn(ctx, connectWithPassword(ctx, request)),
  connectWithSession: (ctx, request) => afterSignIn(ctx, connectWithSession(ctx, request)),
  checkSite: (ctx, request) => checkSite(ctx, request),
  startAuthorization: (ctx, request) => startAuthorization(ctx, request),
  completeAuthorization: (ctx, request) => afterSignIn(ctx, completeAuthorization(ctx, request)),
  disconnectSite: (ctx, request) =>
    afterwardsBadges(ctx, disconnectSite(ctx, request.siteId, { discardUnsent: request.discardUnsent ?? false })),
  probeTab: (ctx, request) => probeTab(ctx, request.tabId),
  async decide(ctx, request) {
    const site = await ctx.db.sites.get(request.siteId);
    if (!site) throw new ReplyError('site_not_connected', 'This site is not connected.');
    const { undoWindowSeconds } = await readSettings(ctx.db);
    const outboxIds = await decide(ctx, { ...request, undoWindowMs: undoWindowSeconds * 1000 });
    await scheduleFlush(ctx);
    await refreshViews(ctx, request.siteId);
    return { outboxIds };
  },
  async undo(ctx, request) {
    const result = await undo(ctx, request.outboxId);
    await scheduleFlush(ctx);
    await refreshViews(ctx);
    return { result };
  },
  async saveDraft(ctx, request) {
    if (!(await ctx.db.sites.get(request.siteId)))
      throw new ReplyError('site_not_connected', 'This site is not connected.');
    return saveDraft(ctx, request);
  },
  async retry(ctx, request) {
    const state = await retryDecision(ctx, request.outboxId);
    await scheduleFlush(ctx);
    await refreshViews(ctx);
    return { state };
  },
  async clearCache(ctx, request) {
    const removed = await clearCachedComments(ctx, request.siteId);
    void syncAllSites(ctx, request.siteId, { fresh: true })
      .then(() => refreshViews(ctx, request.siteId))
      .catch((error: unknown) => reportError(error, { where: 'background: sync after clearing the cache' }));
    return { siteId: request.siteId, removed };
  },
  searchServer: (ctx, request) => searchServer(ctx, request),
  checkCommenterHistory: (ctx, request) => checkCommenterHistory(ctx, request.siteId, request.commentIds),
  readCommenterHistory: (ctx, request) => readCommenterHistory(ctx, request.siteId, request.commentId),
  findUnreplied: (ctx, request) => afterwardsBadges(ctx, findUnreplied(ctx, request.siteId)),
  async syncNow(ctx, request) {
    // The user asked and is looking: no notification for what this sync finds.
    const summaries = await syncAllSites(ctx, request.siteId, { notify: false, fresh: true });
    await sendWhatWasHeldUp(ctx, summaries);
    await refreshViews(ctx, request.siteId);
    return summaries;
  },
};

/** Sites that synced answered again: decisions a firewall or the network held up go out now. */
async function sendWhatWasHeldUp(ctx: BackgroundContext, synced: readonly { siteId: string }[]): Promise<void> {
  if (
    (await releaseHeldDecisions(
      ctx,
      synced.map((summary) => summary.siteId),
    )) > 0
  )
    void flushAndReschedule(ctx);
}

/** A site signed in (again): what waited for it is sent now. */
async function afterSignIn<T>(ctx: BackgroundContext, work: Promise<T>): Promise<T> {
  const result = await afterwardsBadges(ctx, work);
  void flushAndReschedule(ctx);
  // Jobs paused because the sign-in failed go on.
  if ((await resumeAfterSignIn(ctx)) > 0) void runJobsAndReschedule(ctx);
  return result;
}

async function afterwardsBadges<T>(ctx: BackgroundContext, work: Promise<T>): Promise<T> {
  const result = await work;
  await updateBadges(ctx);
  return result;
}

export async function refreshEverything(ctx: BackgroundContext): Promise<void> {
  await sendWhatWasHeldUp(ctx, await syncAllSites(ctx));
  // Unreplied is asked of WordPress only for the badge, and only when the user counts it there.
  if ((await readSettings(ctx.db)).countUnrepliedOnBadge) await refreshUnrepliedCounts(ctx);
  await refreshViews(ctx);
}
