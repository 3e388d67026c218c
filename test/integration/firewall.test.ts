/**
 * A firewall or CDN in front of the real WordPress (scenarios firewall-challenge: Cloudflare's
 * managed challenge on the REST API; waf-blocks-html-posts: Wordfence's block page for bodies with
 * HTML). Its answers are classified as "blocked" — never offline, never "sign in again", never a
 * final refusal; decisions wait, the site says what to allow, and once the firewall lets them
 * through every waiting decision reaches WordPress exactly once (counted at a proxy in front).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { releaseHeldDecisions } from '../../src/background/outbox/release.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { createWpClient } from '../../src/shared/wp/client.ts';
import { testContext } from '../support/background-context.ts';
import { failure } from '../support/failure.ts';
import { useProxiedWordPress } from '../support/proxied-wordpress.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const proxyHandle = useProxiedWordPress(wp.url, (proxy) => proxy.acceptedWrites.clear());
afterAll(async () => {
  await setScenarios(site, []);
});

const client = () =>
  createWpClient({
    root: `${wp.url}/wp-json/`,
    auth: { kind: 'application-password', username: editor.login, password: editor.applicationPassword },
  });

async function arrange(count: number): Promise<{ post: number; ids: number[] }> {
  const post = await admin.createPost({ title: `Firewall ${Math.random().toString(36).slice(2, 7)}` });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await admin.createComment(post, { status: 'hold' })).id);
  return { post, ids };
}

describe('what the client makes of a firewall’s answers', () => {
  it('a Cloudflare challenge on the REST API: blocked (challenge), with the path to let through', async () => {
    await setScenarios(site, ['firewall-challenge']);
    try {
      const error = await failure(client().listComments({ status: 'hold', context: 'edit' }));
      expect(error).toMatchObject({
        kind: 'blocked',
        status: 403,
        code: 'firewall_challenge',
        firewall: { kind: 'challenge', firewall: 'Cloudflare', path: '/wp-json/' },
      });
      // The article itself still loads: the moderator reads the blog as always.
      expect((await fetch(`${wp.url}/`)).status).toBe(200);
    } finally {
      await setScenarios(site, []);
    }
    expect((await client().listComments({ status: 'hold', perPage: 1 })).items.length).toBe(1);
  });

  it('a WAF that blocks HTML in request bodies: a reply with a link is blocked (Wordfence); plain text and status changes pass', async () => {
    const { post, ids } = await arrange(2);
    const [parent = 0, other = 0] = ids;
    await setScenarios(site, ['waf-blocks-html-posts']);
    try {
      const error = await failure(
        client().reply({ post, parent, content: 'Mehr dazu <a href="https://example.org/">hier</a>.' }),
      );
      expect(error).toMatchObject({
        kind: 'blocked',
        status: 403,
        code: 'firewall_block',
        firewall: { kind: 'block', firewall: 'Wordfence', path: '/wp-json/' },
      });
      expect((await client().reply({ post, parent, content: 'Mehr dazu auf unserer FAQ-Seite.' })).status).toBe(
        'approved',
      );
      expect((await client().setStatus(other, 'approved')).outcome).toBe('done');
    } finally {
      await setScenarios(site, []);
    }
  });
});

describe('connecting behind a firewall', () => {
  it('says the site’s REST API is challenged, not "switched off" or "not WordPress"', async () => {
    await setScenarios(site, ['firewall-challenge']);
    try {
      const ctx = testContext();
      await expect(
        connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword }),
      ).rejects.toMatchObject({
        reason: 'firewall',
        firewall: { kind: 'challenge', firewall: 'Cloudflare', path: '/wp-json/' },
      });
      expect(await ctx.db.sites.count()).toBe(0);
    } finally {
      await setScenarios(site, []);
    }
  });
});

describe('decisions behind a firewall', () => {
  it('a challenge: decisions wait, the site says what to allow; switched off mid-test, each arrives exactly once', async () => {
    const { ids } = await arrange(5);
    let clock = Date.now();
    const ctx = testContext({ now: () => clock });
    const url = proxyHandle.current.url;
    await connectWithPassword(ctx, { url, username: editor.login, password: editor.applicationPassword });
    const siteId = `${url}/wp-json/`;
    await syncPending(ctx, siteId);

    await setScenarios(site, ['firewall-challenge']);
    try {
      const [approveA = 0, approveB = 0, spam = 0, trash = 0, answer = 0] = ids;
      await decide(ctx, { siteId, commentIds: [approveA, approveB], decision: 'approve', undoWindowMs: 0 });
      await decide(ctx, { siteId, commentIds: [spam], decision: 'spam', undoWindowMs: 0 });
      await decide(ctx, { siteId, commentIds: [trash], decision: 'trash', undoWindowMs: 0 });
      await decide(ctx, { siteId, commentIds: [answer], decision: 'reply', content: 'Danke!', undoWindowMs: 0 });
      await flushOutbox(ctx);

      const rows = await ctx.db.outbox.toArray();
      expect(rows.map((row) => [row.state, row.error?.kind, row.error?.code])).toEqual(
        Array(5).fill(['waiting', 'blocked', 'firewall_challenge']),
      );
      expect(rows[0]?.error?.message).toContain('Cloudflare');
      const blockedSite = await ctx.db.sites.get(siteId);
      expect(blockedSite?.status).toBe('blocked');
      expect(blockedSite?.statusMessage).toContain('skip the challenge for /wp-json/');
      // A sync meets the challenge too: the same status, the cache as it was.
      await expect(syncPending(ctx, siteId)).rejects.toMatchObject({ kind: 'blocked', code: 'firewall_challenge' });
      expect((await ctx.db.sites.get(siteId))?.status).toBe('blocked');
      // Still challenged after the backoff: still waiting, nothing reached WordPress.
      clock += 11 * 60_000;
      await flushOutbox(ctx);
      expect(await ctx.db.outbox.where('state').equals('waiting').count()).toBe(5);
      expect(proxyHandle.current.acceptedWrites.size).toBe(0);

      // The site's owner lets Freigabe through.
      await setScenarios(site, []);
      await syncPending(ctx, siteId);
      expect(await ctx.db.sites.get(siteId)).toMatchObject({ status: 'connected', statusMessage: null });
      expect(await releaseHeldDecisions(ctx, [siteId])).toBe(5);
      await flushOutbox(ctx);
      clock += 60 * 60_000;
      await flushOutbox(ctx);

      expect((await ctx.db.outbox.toArray()).map((row) => row.state)).toEqual(Array(5).fill('done'));
      const statuses = await Promise.all(
        [approveA, approveB, spam, trash].map(async (id) => (await admin.read(id)).status),
      );
      expect(statuses).toEqual(['approved', 'approved', 'spam', 'trash']);
      const replies = await admin.children(answer);
      expect(replies.map((reply) => reply.content.raw)).toEqual(['Danke!']);
      for (const id of [approveA, approveB, spam, trash]) {
        expect(proxyHandle.current.acceptedWrites.get(`/wp-json/wp/v2/comments/${id}`), `comment ${id}`).toBe(1);
      }
      expect(proxyHandle.current.acceptedWrites.get('/wp-json/wp/v2/comments')).toBe(1);
    } finally {
      await setScenarios(site, []);
    }
  });

  it('a WAF blocking a reply’s HTML: the reply waits (text kept), the rest goes out; once allowed, it is posted once', async () => {
    const { ids } = await arrange(2);
    const [parent = 0, approve = 0] = ids;
    let clock = Date.now();
    const ctx = testContext({ now: () => clock });
    const url = proxyHandle.current.url;
    await connectWithPassword(ctx, { url, username: editor.login, password: editor.applicationPassword });
    const siteId = `${url}/wp-json/`;
    const text = 'Die Antwort steht <a href="https://example.org/faq">in unserer FAQ</a>.';

    await setScenarios(site, ['waf-blocks-html-posts']);
    try {
      const [replyId = 0] = await decide(ctx, {
        siteId,
        commentIds: [parent],
        decision: 'reply',
        content: text,
        undoWindowMs: 0,
      });
      await decide(ctx, { siteId, commentIds: [approve], decision: 'approve', undoWindowMs: 0 });
      await flushOutbox(ctx);

      const reply = await ctx.db.outbox.get(replyId);
      expect(reply).toMatchObject({
        state: 'waiting',
        content: text,
        error: { kind: 'blocked', code: 'firewall_block' },
      });
      expect(reply?.error?.message).toContain('This text was blocked by Wordfence');
      expect((await admin.read(approve)).status).toBe('approved');
      expect((await ctx.db.sites.get(siteId))?.status).toBe('connected');
      expect(await admin.children(parent)).toEqual([]);

      await setScenarios(site, []);
      clock += 11 * 60_000;
      await flushOutbox(ctx);
      expect(await ctx.db.outbox.get(replyId)).toMatchObject({ state: 'done' });
      const posted = await admin.children(parent);
      // WordPress adds rel="nofollow ugc" to the link; the text is the one decided.
      expect(posted).toHaveLength(1);
      expect(posted[0]?.content.raw).toMatch(
        /^Die Antwort steht <a href="https:\/\/example.org\/faq"[^>]*>in unserer FAQ<\/a>\.$/,
      );
      expect(proxyHandle.current.acceptedWrites.get('/wp-json/wp/v2/comments')).toBe(1);
    } finally {
      await setScenarios(site, []);
    }
  });
});
