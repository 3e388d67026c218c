/** What the background does for the blocklist messages (ADR 030). */

import type { BackgroundContext } from '../context.ts';
import { checkMayModerate, ensureCached } from '../inline/decide-inline.ts';
import { injectPart } from '../inline/inject.ts';
import { refreshViews } from '../inline/notify.ts';
import { postOfSender, siteOfSender } from '../inline/sender-site.ts';
import { ReplyError } from '../reply-error.ts';
import type { ContentHandlers, PageHandlers } from '../router.ts';
import { blockCommenter, unblock } from './change.ts';
import { refreshBlocklist } from './read.ts';

type BlocklistPageHandlers = Pick<PageHandlers, 'readBlocklist' | 'blockCommenter' | 'unblock'>;
type BlocklistContentHandlers = Pick<ContentHandlers, 'blockInline' | 'unblockInline' | 'loadBlockPanel'>;

export const blocklistPageHandlers: BlocklistPageHandlers = {
  readBlocklist: async (ctx, request) => (await refreshBlocklist(ctx, request.siteId)) ?? null,
  blockCommenter: (ctx, { siteId, commentId, key, word, list }) =>
    afterwardsViews(ctx, siteId, blockCommenter(ctx, { siteId, commentId, key, word, list })),
  unblock: (ctx, { siteId, list, entry }) => afterwardsViews(ctx, siteId, unblock(ctx, siteId, { list, entry })),
};

export const blocklistContentHandlers: BlocklistContentHandlers = {
  // The article's binding as for every inline action (ADR 020): the site from the sender's URL,
  // the post the tab reported and the background verified, the comment on that post.
  async blockInline(ctx, { commentId, key, word, list }, from) {
    const site = await siteOfSender(ctx, from);
    const postId = await postOfSender(ctx, from, site);
    await ensureCached(ctx, site, [commentId]);
    await checkMayModerate(ctx, site, postId, [commentId]);
    return afterwardsViews(ctx, site.id, blockCommenter(ctx, { siteId: site.id, commentId, key, word, list }));
  },
  async loadBlockPanel(ctx, _request, from) {
    const site = await siteOfSender(ctx, from);
    await postOfSender(ctx, from, site);
    if (site.mode !== 'moderator')
      throw new ReplyError('blocklist_not_offered', 'Only moderators may block commenters.');
    return injectPart(ctx, from.tabId, ctx.partsFile);
  },
  async unblockInline(ctx, { list, entry }, from) {
    const site = await siteOfSender(ctx, from);
    await postOfSender(ctx, from, site);
    return afterwardsViews(ctx, site.id, unblock(ctx, site.id, { list, entry }));
  },
};

/** The inline views show which comments match the lists: they are told once the lists changed. */
async function afterwardsViews<T>(ctx: BackgroundContext, siteId: string, work: Promise<T>): Promise<T> {
  const result = await work;
  await refreshViews(ctx, siteId);
  return result;
}
