/**
 * Asking WordPress about commenters' earlier approved comments (the first-time signal): only for
 * pending comments in the cache, once per address and day, at most three requests at a time, the
 * site left alone for a while after a failure, nothing for authors or signed-out sites.
 */
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkCommenterHistory,
  historyConcurrency,
  siteCooldownMs,
} from '../../../src/background/commenter-history.ts';
import { pageHandlers } from '../../../src/background/handlers.ts';
import { decide } from '../../../src/background/outbox/decide.ts';
import { defaultFlushLimits, flushOutbox } from '../../../src/background/outbox/flush.ts';
import { disconnectSite } from '../../../src/background/sites/disconnect.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { historyForgetAfterMs, historyFreshForMs, historyRetryAfterMs } from '../../../src/shared/commenter-history.ts';
import { pageRequestSchema } from '../../../src/shared/message-schemas.ts';
import { connectedSite, siteId } from '../../support/connected-site.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import type { FakeComment } from '../../support/fake-wordpress.ts';
import { commentRow } from '../../support/popup-harness.ts';

beforeEach(resetFakeBrowser);

/** Approved comments on the server, none of them cached. */
const approvedOnServer = (email: string, count: number, start: number): FakeComment[] =>
  Array.from({ length: count }, (_, i) => ({
    id: start + i,
    post: 4,
    status: 'approved',
    type: 'comment',
    author_email: email,
  }));

const historyRequests = (requests: string[]) => requests.filter((request) => request.includes('author_email='));

describe('checkCommenterHistory', () => {
  it('asks once per address of the pending comments given, and caches the count for a day', async () => {
    const { ctx, wordpress, clock } = await connectedSite(approvedOnServer('Ada.Stamm@Example.org', 2, 100));
    await ctx.db.comments.bulkPut([
      commentRow(1, { authorEmail: 'Ada.Stamm@Example.org' }),
      commentRow(2, { authorEmail: 'ada.stamm@example.org ' }),
      commentRow(3, { authorEmail: 'neu@example.net' }),
      commentRow(4, { authorEmail: 'entschieden@example.net', status: 'approved' }),
      commentRow(5, { authorEmail: 'ping@example.net', type: 'pingback' }),
      commentRow(6, { authorEmail: null }),
    ]);
    expect(await checkCommenterHistory(ctx, siteId, [1, 2, 3, 4, 5, 6, 99])).toEqual({ asked: 2 });
    const asked = historyRequests(wordpress.requests).map((request) => new URL(request, 'https://x').searchParams);
    expect(asked.map((query) => query.get('author_email'))).toEqual(['Ada.Stamm@Example.org', 'neu@example.net']);
    for (const query of asked) {
      expect(Object.fromEntries(query)).toMatchObject({
        status: 'approve',
        type: 'comment',
        per_page: '1',
        _fields: 'id',
      });
    }
    const at = clock.now;
    expect(await ctx.db.commenterHistory.toArray()).toEqual([
      { siteId, email: 'ada.stamm@example.org', approved: 2, checkedAt: at, nextCheckAt: at + historyFreshForMs },
      { siteId, email: 'neu@example.net', approved: 0, checkedAt: at, nextCheckAt: at + historyFreshForMs },
    ]);

    // Within the day: nothing is asked again.
    clock.now += historyFreshForMs - 1;
    expect(await checkCommenterHistory(ctx, siteId, [1, 2, 3])).toEqual({ asked: 0 });
    expect(historyRequests(wordpress.requests)).toHaveLength(2);
    // A day later: asked again.
    clock.now += 1;
    expect(await checkCommenterHistory(ctx, siteId, [3])).toEqual({ asked: 1 });
    expect(historyRequests(wordpress.requests)).toHaveLength(3);
  });

  it('asks nothing for an author, a signed-out or an offline site', async () => {
    for (const site of [
      { mode: 'author' as const },
      { status: 'needs-login' as const },
      { status: 'offline' as const },
    ]) {
      const { ctx, wordpress } = await connectedSite([], { site });
      await ctx.db.comments.put(commentRow(1));
      expect(await checkCommenterHistory(ctx, siteId, [1])).toEqual({ asked: 0 });
      expect(wordpress.requests).toEqual([]);
      expect(await ctx.db.commenterHistory.count()).toBe(0);
    }
  });

  it('forgets answers nobody looked at for a month', async () => {
    const { ctx, clock } = await connectedSite([]);
    await ctx.db.comments.put(commentRow(1));
    const old = (email: string, nextCheckAt: number) => ({ siteId, email, approved: 4, checkedAt: 0, nextCheckAt });
    await ctx.db.commenterHistory.bulkPut([
      old('vergessen@example.org', clock.now - historyForgetAfterMs - 1),
      old('behalten@example.org', clock.now - historyForgetAfterMs + 1),
    ]);
    await checkCommenterHistory(ctx, siteId, [1]);
    expect((await ctx.db.commenterHistory.toArray()).map((row) => row.email).sort()).toEqual([
      'behalten@example.org',
      'leserin1@example.org',
    ]);
  });

  it('refuses a site that is not connected', async () => {
    const { ctx } = await connectedSite([]);
    await expect(checkCommenterHistory(ctx, 'https://other.example/wp-json/', [1])).rejects.toThrow('not connected');
  });

  it('waits while the user’s decisions are being sent: the site answers those first', async () => {
    const events: string[] = [];
    let wordpressFetch: typeof fetch = () => Promise.reject(new Error('not yet'));
    const { ctx, wordpress } = await connectedSite(
      [1, 2, 3, 4, 5, 6].map((id) => ({ id, post: 4, status: 'hold', type: 'comment' })),
      {
        fetch: async (input, init) => {
          const method = init?.method ?? 'GET';
          const history = String(input).includes('author_email=');
          if (method !== 'GET') events.push('decision sent');
          if (history) events.push('history asked');
          await new Promise((resolve) => setTimeout(resolve, 10));
          const answer = await wordpressFetch(input, init);
          if (method !== 'GET') events.push('decision answered');
          return answer;
        },
      },
    );
    wordpressFetch = wordpress.fetch;
    await syncPending(ctx, siteId);
    await ctx.db.comments.put(commentRow(10, { authorEmail: 'neu@example.net' }));
    await decide(ctx, { siteId, commentIds: [1, 2, 3, 4, 5, 6], decision: 'approve', undoWindowMs: 0 });
    const flushing = flushOutbox(ctx, { ...defaultFlushLimits, perSiteConcurrency: 1 });
    // Asked for while the first decision is on the wire.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const history = checkCommenterHistory(ctx, siteId, [10]);
    expect(await flushing).toMatchObject({ sent: 6, done: 6 });
    expect(await history).toEqual({ asked: 1 });
    expect(events.indexOf('history asked')).toBe(events.lastIndexOf('decision answered') + 1);
    expect(events.filter((event) => event === 'decision answered')).toHaveLength(6);
    expect((await ctx.db.commenterHistory.get([siteId, 'neu@example.net']))?.approved).toBe(0);
  });

  it('keeps at most three requests in flight, and asks about an address once when two popups ask at once', async () => {
    let inFlight = 0;
    let most = 0;
    const emails: string[] = [];
    const { ctx } = await connectedSite([], {
      fetch: async (input) => {
        emails.push(new URL(String(input)).searchParams.get('author_email') ?? '');
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return new Response('[]', { headers: { 'X-WP-Total': '0' } });
      },
    });
    const ids = Array.from({ length: 12 }, (_, i) => i + 1);
    await ctx.db.comments.bulkPut(ids.map((id) => commentRow(id)));
    const [first, second] = await Promise.all([
      checkCommenterHistory(ctx, siteId, ids),
      checkCommenterHistory(ctx, siteId, ids),
    ]);
    expect(most).toBe(historyConcurrency);
    expect(emails).toHaveLength(12);
    expect(new Set(emails).size).toBe(12);
    // The second caller waited for the same requests.
    expect(first.asked + second.asked).toBe(24);
    expect(await ctx.db.commenterHistory.count()).toBe(12);
  });

  it('after a failure: keeps the last answer, waits an hour for that address, and leaves the site alone a while', async () => {
    let online = false;
    const { ctx, wordpress, clock } = await connectedSite(approvedOnServer('leserin1@example.org', 1, 100));
    const calls: string[] = [];
    ctx.fetch = async (input, init) => {
      calls.push(String(input));
      if (!online) throw new TypeError('Failed to fetch');
      return wordpress.fetch(input, init);
    };
    const ids = Array.from({ length: 8 }, (_, i) => i + 1);
    await ctx.db.comments.bulkPut(ids.map((id) => commentRow(id)));
    const stale = clock.now - 2 * historyFreshForMs;
    await ctx.db.commenterHistory.put({
      siteId,
      email: 'leserin1@example.org',
      approved: 1,
      checkedAt: stale,
      nextCheckAt: stale + historyFreshForMs,
    });
    await checkCommenterHistory(ctx, siteId, ids);
    // The first three went out together; the rest were not sent once the site failed.
    expect(calls).toHaveLength(historyConcurrency);
    expect(await ctx.db.commenterHistory.get([siteId, 'leserin1@example.org'])).toEqual({
      siteId,
      email: 'leserin1@example.org',
      approved: 1,
      checkedAt: stale,
      nextCheckAt: clock.now + historyRetryAfterMs,
    });
    expect(await ctx.db.commenterHistory.get([siteId, 'leserin2@example.org'])).toMatchObject({
      approved: null,
      checkedAt: null,
    });
    expect(await ctx.db.commenterHistory.get([siteId, 'leserin8@example.org'])).toBeUndefined();

    // Asked again at once: nothing is sent while the site cools down.
    await checkCommenterHistory(ctx, siteId, ids);
    expect(calls).toHaveLength(historyConcurrency);
    // Back online after the cool-down: only the addresses that did not fail are asked.
    online = true;
    clock.now += siteCooldownMs;
    expect(await checkCommenterHistory(ctx, siteId, ids)).toEqual({ asked: 5 });
    // An hour after the failure the failed ones are due again.
    clock.now += historyRetryAfterMs;
    expect(await checkCommenterHistory(ctx, siteId, [1])).toEqual({ asked: 1 });
    expect(await ctx.db.commenterHistory.get([siteId, 'leserin1@example.org'])).toMatchObject({ approved: 1 });
  });

  it('an address WordPress refuses is asked again a day later, and does not stop the others', async () => {
    const { ctx, wordpress, clock } = await connectedSite([]);
    ctx.fetch = async (input, init) => {
      const url = new URL(String(input));
      if (url.searchParams.get('author_email') === 'kaputt@localhost') {
        return new Response(
          JSON.stringify({ code: 'rest_invalid_param', message: 'Invalid parameter(s): author_email' }),
          {
            status: 400,
          },
        );
      }
      return wordpress.fetch(input, init);
    };
    await ctx.db.comments.bulkPut([commentRow(1, { authorEmail: 'kaputt@localhost' }), commentRow(2), commentRow(3)]);
    expect(await checkCommenterHistory(ctx, siteId, [1, 2, 3])).toEqual({ asked: 3 });
    expect(await ctx.db.commenterHistory.get([siteId, 'kaputt@localhost'])).toMatchObject({
      approved: null,
      nextCheckAt: clock.now + historyFreshForMs,
    });
    expect(await ctx.db.commenterHistory.get([siteId, 'leserin3@example.org'])).toMatchObject({ approved: 0 });
  });

  it('answers are erased with the cache and with the site', async () => {
    const { ctx } = await connectedSite([]);
    await ctx.db.comments.put(commentRow(1));
    await checkCommenterHistory(ctx, siteId, [1]);
    expect(await ctx.db.commenterHistory.count()).toBe(1);
    await pageHandlers.clearCache(ctx, { type: 'clearCache', siteId });
    expect(await ctx.db.commenterHistory.count()).toBe(0);
    await ctx.db.comments.put(commentRow(1));
    await checkCommenterHistory(ctx, siteId, [1]);
    await disconnectSite(ctx, siteId);
    expect(await ctx.db.commenterHistory.count()).toBe(0);
  });

  it('the message names a site and at most 50 comments', () => {
    const message = (commentIds: number[]) => ({ type: 'checkCommenterHistory', siteId, commentIds });
    expect(v.safeParse(pageRequestSchema, message([1, 2])).success).toBe(true);
    expect(v.safeParse(pageRequestSchema, message([])).success).toBe(false);
    expect(v.safeParse(pageRequestSchema, message(Array.from({ length: 51 }, (_, i) => i + 1))).success).toBe(false);
    expect(v.safeParse(pageRequestSchema, { type: 'checkCommenterHistory', commentIds: [1] }).success).toBe(false);
  });
});
