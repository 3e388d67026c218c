/**
 * The outbox behind a firewall, against a fake WordPress with a fake firewall in front (the real
 * WordPress with the scenarios: test/integration/firewall.test.ts): a challenge holds decisions up
 * (waiting, not failed; the site says what to allow) and they go out exactly once when it ends; a
 * WAF blocking a reply's HTML holds only that reply; a reply WordPress refuses for good (comments
 * closed) fails visibly and becomes a draft again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decide, undo } from '../../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../../src/background/outbox/flush.ts';
import { blockedRetryFloorMs } from '../../../src/background/outbox/outcome.ts';
import { releaseHeldDecisions } from '../../../src/background/outbox/release.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { type FakeComment, fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

type Firewall = 'off' | 'challenge' | 'waf';

let clock = 1_000_000;
async function setup(comments: FakeComment[]) {
  clock = 1_000_000;
  const wordpress = fakeWordPress(comments);
  const firewall = { mode: 'off' as Firewall, answered: 0 };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (firewall.mode === 'challenge') {
      firewall.answered += 1;
      return new Response('<!DOCTYPE html><title>Just a moment...</title>', {
        status: 403,
        headers: { 'Content-Type': 'text/html', 'cf-mitigated': 'challenge', Server: 'cloudflare' },
      });
    }
    if (firewall.mode === 'waf' && /<[a-z]/i.test(body)) {
      firewall.answered += 1;
      return new Response(
        '<h1>403 Forbidden</h1><p>A potentially unsafe operation has been detected in your request to this site.</p>',
        { status: 403, headers: { 'Content-Type': 'text/html; charset=UTF-8' } },
      );
    }
    return wordpress.fetch(input, init);
  };
  const ctx = testContext({ fetch, now: () => clock, random: () => 0.5 });
  await ctx.db.sites.put(testSite());
  await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  await syncPending(ctx, siteId);
  return { ctx, wordpress, firewall };
}
const pending = (...ids: number[]): FakeComment[] =>
  ids.map((id) => ({ id, post: 4, status: 'hold', type: 'comment' }));

describe('a firewall in front of the site', () => {
  beforeEach(resetFakeBrowser);

  it('a challenge holds decisions up, says what to allow, and they go out exactly once after it', async () => {
    const { ctx, wordpress, firewall } = await setup(pending(1, 2, 3));
    await decide(ctx, { siteId, commentIds: [1, 2, 3], decision: 'approve', undoWindowMs: 0 });
    firewall.mode = 'challenge';
    const summary = await flushOutbox(ctx, { perSiteConcurrency: 1, maxSends: 500, maxMs: 120_000 });
    // One request met the challenge; the site's other decisions wait with it, unsent.
    expect(firewall.answered).toBe(1);
    expect(summary).toMatchObject({ sent: 1, failed: 0, retrying: 3, pausedSites: [] });
    const rows = await ctx.db.outbox.toArray();
    for (const row of rows) {
      expect(row).toMatchObject({ state: 'waiting', error: { kind: 'blocked', code: 'firewall_challenge' } });
      expect(row.notBefore).toBeGreaterThanOrEqual(clock + blockedRetryFloorMs);
      expect(row.error?.message).toContain('Cloudflare');
      expect(row.error?.message).toContain('/wp-json/');
    }
    // The cache keeps showing the decisions; the site line names the cause, not "offline" or "sign in".
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('approved');
    const site = await ctx.db.sites.get(siteId);
    expect(site).toMatchObject({ status: 'blocked' });
    expect(site?.statusMessage).toMatch(/browser challenge.*skip the challenge for \/wp-json\//s);

    // A sync through the challenge says the same.
    await expect(syncPending(ctx, siteId)).rejects.toMatchObject({ kind: 'blocked' });
    expect((await ctx.db.sites.get(siteId))?.status).toBe('blocked');

    // Still challenged when the backoff ends: still waiting, nothing lost.
    clock += 10 * 60_000;
    await flushOutbox(ctx);
    expect(await ctx.db.outbox.where('state').equals('waiting').count()).toBe(3);

    // The challenge ends: a sync gets through, the held-up decisions are due at once and go out once.
    firewall.mode = 'off';
    await syncPending(ctx, siteId);
    expect(await releaseHeldDecisions(ctx, [siteId])).toBe(3);
    await flushOutbox(ctx);
    expect(wordpress.writes.map((write) => write.id).sort()).toEqual([1, 2, 3]);
    expect((await ctx.db.outbox.toArray()).map((row) => row.state)).toEqual(['done', 'done', 'done']);
    expect(await ctx.db.sites.get(siteId)).toMatchObject({ status: 'connected', statusMessage: null });
    clock += 60 * 60_000;
    await flushOutbox(ctx);
    expect(wordpress.writes).toHaveLength(3);
  });

  it('a WAF that blocks a reply’s HTML holds only that reply; the site stays connected; undo makes it a draft', async () => {
    const { ctx, wordpress, firewall } = await setup(pending(1, 2));
    firewall.mode = 'waf';
    const [replyId = 0] = await decide(ctx, {
      siteId,
      commentIds: [1],
      decision: 'reply',
      content: 'Siehe <a href="https://example.org/faq">unsere FAQ</a>.',
      undoWindowMs: 0,
    });
    await decide(ctx, { siteId, commentIds: [2], decision: 'spam', undoWindowMs: 0 });
    await flushOutbox(ctx, { perSiteConcurrency: 1, maxSends: 500, maxMs: 120_000 });

    const reply = await ctx.db.outbox.get(replyId);
    expect(reply).toMatchObject({ state: 'waiting', error: { kind: 'blocked', code: 'firewall_block' } });
    expect(reply?.error?.message).toMatch(/This text was blocked by Wordfence.*HTML/s);
    expect(reply?.error?.message).toContain('Allowlisted URLs');
    // The status change without HTML went through; the site is not "blocked" for one reply.
    expect(wordpress.writes.filter((write) => write.body?.status === 'spam')).toHaveLength(1);
    expect((await ctx.db.sites.get(siteId))?.status).toBe('connected');
    // Syncing does not send it again at once (the same rule would trip again).
    expect(await releaseHeldDecisions(ctx, [siteId])).toBe(0);

    expect(await undo(ctx, replyId)).toBe('cancelled');
    expect(await ctx.db.drafts.get([siteId, 1, 'reply'])).toMatchObject({
      content: 'Siehe <a href="https://example.org/faq">unsere FAQ</a>.',
    });
  });

  it('a reply WordPress refuses for good (comments closed) fails visibly, is not retried, and becomes a draft', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    const [replyId = 0] = await decide(ctx, {
      siteId,
      commentIds: [1],
      decision: 'approveAndReply',
      content: 'Danke, wir schauen es uns an.',
      undoWindowMs: 0,
    }).then((ids) => ids.slice(1));
    wordpress.failures.push(null, { status: 403, code: 'rest_comment_closed' });
    await flushOutbox(ctx);

    const row = await ctx.db.outbox.get(replyId);
    expect(row).toMatchObject({ state: 'failed', error: { kind: 'forbidden', code: 'rest_comment_closed' } });
    expect(row?.error?.message).toContain('Injected rest_comment_closed');
    expect(row?.error?.message).toContain('Comments on this article are closed');
    expect(await ctx.db.drafts.get([siteId, 1, 'reply'])).toMatchObject({ content: 'Danke, wir schauen es uns an.' });
    // The approval went through and stays.
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('approved');
    const writes = wordpress.writes.length;
    clock += 24 * 60 * 60_000;
    await flushOutbox(ctx);
    expect(wordpress.writes).toHaveLength(writes);
  });

  it('a failed reply does not overwrite a newer draft the user started', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    await decide(ctx, { siteId, commentIds: [1], decision: 'reply', content: 'Erste Fassung', undoWindowMs: 0 });
    await ctx.db.drafts.put({ siteId, commentId: 1, kind: 'reply', content: 'Neue Fassung', updatedAt: clock });
    wordpress.failures.push({ status: 403, code: 'rest_comment_closed' });
    await flushOutbox(ctx);
    expect((await ctx.db.drafts.get([siteId, 1, 'reply']))?.content).toBe('Neue Fassung');
  });
});
