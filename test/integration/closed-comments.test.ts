/**
 * Comments closed on old posts (Settings → Discussion: "Automatically close comments on articles
 * older than N days", `close_comments_for_old_posts`), on the real WordPress: moderating the
 * comments of an old article still works; a reply is refused by WordPress (`403
 * rest_comment_closed`) — shown with WordPress's own words, the text kept as a draft, and not
 * retried forever.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setOptions } from '../../scripts/wp/scenarios.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');

let oldPost: number;
const ids: number[] = [];
beforeAll(async () => {
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 19);
  oldPost = await admin.createPost({ title: 'Ein alter Artikel', date_gmt: monthAgo });
  for (let i = 0; i < 4; i++) ids.push((await admin.createComment(oldPost, { status: 'hold' })).id);
  // WordPress closes comments on articles older than 14 days (set after the comments were made).
  await setOptions(site, { close_comments_for_old_posts: '1', close_comments_days_old: '14' });
});
afterAll(async () => {
  await setOptions(site, { close_comments_for_old_posts: '0', close_comments_days_old: '14' });
  await admin.removePost(oldPost);
});

describe('comments closed on an old article', () => {
  it('approve, spam and trash go through; the reply is refused with WordPress’s message, kept as a draft, not retried', async () => {
    resetFakeBrowser();
    grantedOrigins.add(originPattern(wp.url));
    let clock = Date.now();
    const ctx = testContext({ now: () => clock });
    await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
    const siteId = `${wp.url}/wp-json/`;
    await syncPending(ctx, siteId);
    const [approve = 0, spam = 0, trash = 0, answer = 0] = ids;
    const replyText = 'Danke für den Hinweis, wir haben den Artikel ergänzt.';

    await decide(ctx, { siteId, commentIds: [approve], decision: 'approve', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [spam], decision: 'spam', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [trash], decision: 'trash', undoWindowMs: 0 });
    const [replyId = 0] = await decide(ctx, {
      siteId,
      commentIds: [answer],
      decision: 'reply',
      content: replyText,
      undoWindowMs: 0,
    });
    await flushOutbox(ctx);

    const statuses = await Promise.all([approve, spam, trash].map(async (id) => (await admin.read(id)).status));
    expect(statuses).toEqual(['approved', 'spam', 'trash']);

    const reply = await ctx.db.outbox.get(replyId);
    expect(reply).toMatchObject({
      state: 'failed',
      error: { kind: 'forbidden', code: 'rest_comment_closed' },
    });
    // WordPress's own words first, then where the text is.
    expect(reply?.error?.message).toMatch(
      /^Sorry, comments are closed for this item\. Comments on this article are closed/,
    );
    expect(await ctx.db.drafts.get([siteId, answer, 'reply'])).toMatchObject({ content: replyText });
    expect(await admin.children(answer)).toEqual([]);
    // The site is fine: nothing else is held up.
    expect((await ctx.db.sites.get(siteId))?.status).toBe('connected');

    // Not retried by itself, however long the browser stays open.
    clock += 24 * 60 * 60_000;
    expect((await flushOutbox(ctx)).sent).toBe(0);
    expect(await ctx.db.outbox.get(replyId)).toMatchObject({ state: 'failed' });
  });
});
