/**
 * The inline view's messages, through the real router: the site is the sender's origin, the article
 * the one the tab reported; comments of other posts or sites, other sites' decisions and authors on
 * someone else's post are refused. The inline script is injected only into articles.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { contentHandlers, pageHandlers } from '../../../src/background/handlers.ts';
import { canModeratePost } from '../../../src/background/inline/state.ts';
import { decide } from '../../../src/background/outbox/decide.ts';
import { createRouter } from '../../../src/background/router.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import type { InlineState } from '../../../src/shared/inline-protocol.ts';
import { mayModerate } from '../../../src/shared/moderation.ts';
import { testContext } from '../../support/background-context.ts';
import { fakeBrowser, injectedScripts, resetFakeBrowser, tabMessages } from '../../support/fake-browser.ts';
import { type FakeComment, fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const article = 'https://blog.example/2026/11/social-media/';
const sender = (url: string, tabId = 7): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});
const detected = (postId: number | null, commentsInDom: boolean | null = true) => ({
  type: 'pageDetected',
  page: { isWordPress: true, restRoot: null, postId, commentsInDom },
});

async function setup(comments: FakeComment[], mode: 'moderator' | 'author' = 'moderator') {
  const wordpress = fakeWordPress(comments);
  const ctx = testContext({ fetch: wordpress.fetch, now: () => 1_000_000 });
  await ctx.db.sites.put(testSite({ mode, userId: 2 }));
  await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  await syncPending(ctx, siteId);
  await ctx.db.posts.put({ siteId, id: 4, title: 'Social Media', link: article, author: 9 });
  const route = createRouter(ctx, contentHandlers, pageHandlers);
  return { ctx, wordpress, route };
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const call = async <T>(route: ReturnType<typeof createRouter>, message: unknown, from = sender(article)) =>
  (await route(message, from)) as Reply<T>;

describe('inline view messages', () => {
  beforeEach(resetFakeBrowser);

  it('injects the inline view into an article, not into a home page or a Disqus page', async () => {
    const { route } = await setup([]);
    await call(route, detected(4));
    await call(route, detected(null), sender('https://blog.example/', 8));
    await call(route, detected(5, false), sender('https://blog.example/disqus/', 9));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(injectedScripts).toEqual([{ tabId: 7, files: ['src/content/inline/inline-view.js'] }]);
  });

  it('answers with the article’s cached comments, their latest decision and drafts; never emails or IPs', async () => {
    const { route } = await setup([
      { id: 1, post: 4, status: 'hold', type: 'comment' },
      { id: 2, post: 4, status: 'hold', type: 'pingback' },
    ]);
    await call(route, detected(4));
    await call(route, { type: 'decideInline', commentIds: [1], decision: 'spam' });
    // The article (and any other tab on it) is told to ask again.
    expect(tabMessages).toContainEqual({ tabId: 7, message: { type: 'freigabe:changed' } });
    await call(route, { type: 'saveDraftInline', commentId: 2, kind: 'reply', content: 'Danke' });
    const reply = await call<InlineState>(route, { type: 'inlineState', includeSpam: false });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value).toMatchObject({ postId: 4, canModerate: true, adminUrl: 'https://blog.example/wp-admin/' });
    // Spam is shown only when asked for.
    expect(reply.value.comments.map((c) => [c.id, c.status])).toEqual([[2, 'hold']]);
    expect(reply.value.comments[0]?.drafts).toEqual({ reply: 'Danke' });
    expect(JSON.stringify(reply.value)).not.toMatch(/leser\d+@example\.org|198\.51\.100\.7/);
    const withSpam = await call<InlineState>(route, { type: 'inlineState', includeSpam: true });
    if (!withSpam.ok) throw new Error(withSpam.error.message);
    expect(withSpam.value.comments.find((c) => c.id === 1)).toMatchObject({
      status: 'spam',
      decision: { decision: 'spam', state: 'waiting' },
    });
  });

  it('reads only the decisions of the article’s comments, not the site’s whole outbox', async () => {
    const others = Array.from({ length: 120 }, (_, index) => ({
      id: 100 + index,
      post: 5,
      status: 'hold',
      type: 'comment',
    }));
    const { ctx, route } = await setup([{ id: 1, post: 4, status: 'hold', type: 'comment' }, ...others]);
    await call(route, detected(4));
    await call(route, { type: 'decideInline', commentIds: [1], decision: 'approve' });
    // Decisions on another article of the site: 120 outbox rows, each with its comment's snapshot.
    await decide(ctx, { siteId, commentIds: others.map((comment) => comment.id), decision: 'spam' });
    // Every outbox row handed out of the database (a query's rows, each stop of a cursor). A
    // middleware takes effect when the database opens: closed and opened again around it.
    let outboxRowsRead = 0;
    ctx.db.close();
    ctx.db.use({
      stack: 'dbcore',
      name: 'count-outbox-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'outbox') return table;
          return {
            ...table,
            query: async (request) => {
              const result = await table.query(request);
              outboxRowsRead += result.result.length;
              return result;
            },
            getMany: async (request) => {
              const result = await table.getMany(request);
              outboxRowsRead += result.length;
              return result;
            },
            openCursor: async (request) => {
              const cursor = await table.openCursor(request);
              if (!cursor) return cursor;
              const counted = Object.create(cursor);
              counted.start = (onNext: () => void) =>
                cursor.start(() => {
                  outboxRowsRead += 1;
                  onNext();
                });
              return counted;
            },
          };
        },
      }),
    });
    await ctx.db.open();
    const reply = await call<InlineState>(route, { type: 'inlineState', includeSpam: false });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.comments.map((comment) => [comment.id, comment.decision?.decision])).toEqual([[1, 'approve']]);
    expect(outboxRowsRead).toBe(1);
  });

  it('refuses a page of a site that is not connected, and a tab that reported no article', async () => {
    const { route } = await setup([{ id: 1, post: 4, status: 'hold', type: 'comment' }]);
    const elsewhere = await call(route, { type: 'inlineState', includeSpam: false }, sender('https://evil.example/x/'));
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'site_not_connected' } });
    const noArticle = await call(route, { type: 'decideInline', commentIds: [1], decision: 'approve' });
    expect(noArticle).toMatchObject({ ok: false, error: { code: 'not_an_article' } });
  });

  it('refuses comments of another post; reads a published comment the cache lacks before deciding', async () => {
    const { ctx, route } = await setup([
      { id: 1, post: 4, status: 'hold', type: 'comment' },
      { id: 3, post: 5, status: 'hold', type: 'comment' },
      { id: 7, post: 4, status: 'approved', type: 'comment' },
    ]);
    await call(route, detected(4));
    const other = await call(route, { type: 'decideInline', commentIds: [3], decision: 'approve' });
    expect(other).toMatchObject({ ok: false, error: { code: 'comment_not_on_article' } });
    expect(await ctx.db.outbox.count()).toBe(0);
    const unknown = await call(route, { type: 'decideInline', commentIds: [99], decision: 'spam' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'comment_not_found' } });
    const published = await call<{ outboxIds: number[] }>(route, {
      type: 'decideInline',
      commentIds: [7],
      decision: 'unapprove',
    });
    expect(published.ok).toBe(true);
    expect(await ctx.db.comments.get([siteId, 7])).toMatchObject({ status: 'hold', post: 4 });
  });

  it('gives a commenter’s email and IP only when asked, one comment of this article at a time', async () => {
    const { route } = await setup([
      { id: 1, post: 4, status: 'hold', type: 'comment' },
      { id: 3, post: 5, status: 'hold', type: 'comment' },
    ]);
    await call(route, detected(4));
    expect(await call(route, { type: 'commenterDetails', commentId: 1 })).toEqual({
      ok: true,
      value: { email: 'leser1@example.org', ip: '198.51.100.7', url: '' },
    });
    const otherPost = await call(route, { type: 'commenterDetails', commentId: 3 });
    expect(otherPost).toMatchObject({ ok: false, error: { code: 'comment_not_on_article' } });
  });

  it('an author moderates only their own posts', async () => {
    const { ctx, route } = await setup([{ id: 1, post: 4, status: 'hold', type: 'comment' }], 'author');
    await call(route, detected(4));
    const state = await call<InlineState>(route, { type: 'inlineState', includeSpam: false });
    expect(state).toMatchObject({ ok: true, value: { canModerate: false } });
    const refused = await call(route, { type: 'decideInline', commentIds: [1], decision: 'approve' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ctx.db.posts.update([siteId, 4], { author: 2 });
    const allowed = await call(route, { type: 'decideInline', commentIds: [1], decision: 'approve' });
    expect(allowed).toMatchObject({ ok: true });
  });

  it('a comment spammed on the page stays in its state with Show spam off (the page asks to keep it); other spam does not', async () => {
    const { route } = await setup([
      { id: 1, post: 4, status: 'hold', type: 'comment' },
      { id: 2, post: 4, status: 'spam', type: 'comment' },
    ]);
    await call(route, detected(4));
    await call(route, { type: 'decideInline', commentIds: [1], decision: 'spam' });
    const kept = await call<InlineState>(route, { type: 'inlineState', includeSpam: false, keep: [1] });
    if (!kept.ok) throw new Error(kept.error.message);
    expect(kept.value.comments.map((c) => [c.id, c.status, c.decision?.decision])).toEqual([[1, 'spam', 'spam']]);
    // An older build's page asks without `keep`: spam stays out, as before.
    const plain = await call<InlineState>(route, { type: 'inlineState', includeSpam: false });
    if (!plain.ok) throw new Error(plain.error.message);
    expect(plain.value.comments).toEqual([]);
    // What a page may ask to keep is bounded like every list in a message.
    const tooMany = Array.from({ length: 1001 }, (_, index) => index + 1);
    expect(await call(route, { type: 'inlineState', includeSpam: false, keep: tooMany })).toMatchObject({ ok: false });
  });

  it('who may moderate an article is the shared model’s mayModerate, for every role and owner', async () => {
    const { ctx } = await setup([]);
    const cases = [
      ['moderator', 9],
      ['moderator', 2],
      ['author', 9],
      ['author', 2],
    ] as const;
    for (const [mode, author] of cases) {
      await ctx.db.posts.update([siteId, 4], { author });
      const site = testSite({ mode, userId: 2 });
      expect(await canModeratePost(ctx, site, 4), `${mode}, post by ${author}`).toBe(mayModerate(mode, author === 2));
    }
    // A post the cache does not know: only a moderator.
    expect(await canModeratePost(ctx, testSite({ mode: 'author', userId: 2 }), 404)).toBe(false);
    expect(await canModeratePost(ctx, testSite({ mode: 'moderator', userId: 2 }), 404)).toBe(true);
  });

  it('undoes only decisions of the sender’s own site', async () => {
    const { ctx, route } = await setup([{ id: 1, post: 4, status: 'hold', type: 'comment' }]);
    await call(route, detected(4));
    const foreign = await ctx.db.outbox.add({
      siteId: 'https://other.example/wp-json/',
      commentId: 1,
      decision: 'spam',
      previousStatus: 'hold',
      snapshot: (await ctx.db.comments.get([siteId, 1])) ?? (undefined as never),
      state: 'waiting',
      createdAt: 0,
      notBefore: 0,
      attempts: 0,
      sentAt: null,
      error: null,
      undoOf: null,
    });
    const refused = await call(route, { type: 'undoInline', outboxId: foreign });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_decision' } });
    expect(await ctx.db.outbox.get(foreign)).toBeDefined();
    const mine = await call<{ outboxIds: number[] }>(route, {
      type: 'decideInline',
      commentIds: [1],
      decision: 'spam',
    });
    if (!mine.ok) throw new Error(mine.error.message);
    expect(await call(route, { type: 'undoInline', outboxId: mine.value.outboxIds[0] })).toEqual({
      ok: true,
      value: { result: 'cancelled' },
    });
    expect(await ctx.db.comments.get([siteId, 1])).toMatchObject({ status: 'hold' });
  });
});
