/**
 * Sites whose REST API is not at /wp-json/, on the real WordPress: plain permalinks (the API at
 * `index.php?rest_route=/`) and a custom prefix (`rest_url_prefix` → /api/, scenario rest-prefix).
 * Connected from an article page, synced, and every kind of decision sent — all through a proxy
 * that records the paths asked for, so a URL built by joining "/wp-json/" onto the site would show.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import type { Decision } from '../../src/shared/db/index.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { useFaultProxy } from '../support/fault-proxy.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const proxyHandle = useFaultProxy(wp.url);
const prettyPermalinks = '/%year%/%monthnum%/%postname%/';

beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(proxyHandle.current.url));
  proxyHandle.current.received.length = 0;
});
afterAll(async () => {
  await setScenarios(site, []);
  await setOptions(site, { permalink_structure: prettyPermalinks });
});

const setups = [
  {
    name: 'plain permalinks (?rest_route=)',
    switchOn: () => setOptions(site, { permalink_structure: '' }),
    switchOff: () => setOptions(site, { permalink_structure: prettyPermalinks }),
    root: (origin: string) => `${origin}/index.php?rest_route=/`,
  },
  {
    name: 'a custom REST prefix (/api/)',
    switchOn: () => setScenarios(site, ['rest-prefix']),
    switchOff: () => setScenarios(site, []),
    root: (origin: string) => `${origin}/api/`,
  },
];

describe.each(setups)('$name', ({ switchOn, switchOff, root }) => {
  it('connects from an article page, syncs, and sends every kind of decision', async () => {
    await switchOn();
    try {
      const admin = adminApi(wp, root(wp.url));
      const post = await admin.createPost({ title: `REST-Wurzel ${Math.random().toString(36).slice(2, 7)}` });
      const comments: number[] = [];
      for (let i = 0; i < 8; i++) comments.push((await admin.createComment(post, { status: 'hold' })).id);
      const [approve = 0, unapprove = 0, spam = 0, trash = 0, remove = 0, edit = 0, answer = 0, untouched = 0] =
        comments;
      const proxy = proxyHandle.current;
      const article = (await admin.postLink(post)).replace(wp.url, proxy.url);

      const ctx = testContext();
      const connected = await connectWithPassword(ctx, {
        url: article,
        username: editor.login,
        password: editor.applicationPassword,
      });
      const siteId = root(proxy.url);
      expect(connected).toMatchObject({ siteId, mode: 'moderator' });
      await syncPending(ctx, siteId);
      const cached = await ctx.db.comments.where('[siteId+post+status]').equals([siteId, post, 'hold']).primaryKeys();
      expect(cached.map(([, id]) => id).sort((a, b) => a - b)).toEqual(comments);

      const round = async (plan: [number, Decision, string?][]) => {
        for (const [id, decision, content] of plan)
          await decide(ctx, { siteId, commentIds: [id], decision, content, undoWindowMs: 0 });
        await flushOutbox(ctx);
        expect(await ctx.db.outbox.where('state').notEqual('done').count()).toBe(0);
      };
      const status = async (id: number) => (await admin.read(id)).status;

      await round([
        [approve, 'approve'],
        [unapprove, 'approve'],
        [spam, 'spam'],
        [trash, 'trash'],
        [remove, 'delete'],
        [edit, 'edit', 'Neu gefasst.'],
        [answer, 'reply', 'Danke für den Hinweis.'],
      ]);
      expect(await Promise.all([approve, unapprove, spam, trash].map(status))).toEqual([
        'approved',
        'approved',
        'spam',
        'trash',
      ]);
      expect(await admin.exists(remove)).toBe(false);
      expect((await admin.read(edit)).content.raw).toBe('Neu gefasst.');
      expect((await admin.children(answer)).map((reply) => reply.content.raw)).toEqual(['Danke für den Hinweis.']);

      await round([
        [unapprove, 'unapprove'],
        [spam, 'unspam'],
        [trash, 'untrash'],
      ]);
      expect(await Promise.all([unapprove, spam, trash, untouched].map(status))).toEqual([
        'hold',
        'hold',
        'hold',
        'hold',
      ]);
      // Every REST request went to the root the site announced: none to an assumed /wp-json/.
      expect(proxy.received.filter((request) => request.includes('/wp-json/'))).toEqual([]);
      expect(proxy.received.length).toBeGreaterThan(10);
      await admin.removePost(post);
    } finally {
      await switchOff();
    }
  });
});
