/**
 * Disconnecting erases everything of one site — sign-in, cached comments and posts, tab state, the
 * content script and the host permission — and leaves other sites alone, including a site on the
 * same host that still needs the script and the permission.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { registerContentScript } from '../../../src/background/content-scripts.ts';
import { decide } from '../../../src/background/outbox/decide.ts';
import { disconnectSite } from '../../../src/background/sites/disconnect.ts';
import { allTabPages, setTabPage } from '../../../src/background/tab-state.ts';
import type { CommentRow } from '../../../src/shared/db/index.ts';
import { testContext } from '../../support/background-context.ts';
import { grantedOrigins, registeredScripts, resetFakeBrowser } from '../../support/fake-browser.ts';
import { testSite } from '../../support/rows.ts';

const blog = testSite({ id: 'https://blog.example/wp-json/', origin: 'https://blog.example' });
const shop = testSite({ id: 'https://shop.example/wp-json/', origin: 'https://shop.example', name: 'Shop' });
const blogOnOtherPort = testSite({
  id: 'https://blog.example:8443/wp-json/',
  origin: 'https://blog.example:8443',
  name: 'Staging',
});

const comment = (siteId: string, id: number): CommentRow => ({
  siteId,
  id,
  post: 1,
  parent: 0,
  authorName: 'A',
  authorUrl: '',
  authorEmail: 'a@example.org',
  authorIp: '198.51.100.1',
  authorUserAgent: 'UA',
  date: 0,
  contentHtml: '<p>x</p>',
  contentRaw: 'x',
  link: '',
  status: 'hold',
  type: 'comment',
  syncedAt: 0,
});

async function connect(ctx: ReturnType<typeof testContext>, site: typeof blog) {
  await ctx.db.sites.put(site);
  await ctx.db.credentials.put({
    siteId: site.id,
    auth: { kind: 'application-password', username: 'u', password: 'p' },
  });
  await ctx.db.comments.bulkPut([comment(site.id, 1), comment(site.id, 2)]);
  await ctx.db.posts.put({ siteId: site.id, id: 1, title: 'T', link: '', author: 1 });
  grantedOrigins.add(`${new URL(site.origin).protocol}//${new URL(site.origin).hostname}/*`);
  await registerContentScript(ctx, site.origin);
}

describe('disconnectSite', () => {
  beforeEach(resetFakeBrowser);

  it('erases the site’s sign-in, cache, tab state, content script and host permission', async () => {
    const ctx = testContext();
    await connect(ctx, blog);
    await connect(ctx, shop);
    await setTabPage(ctx, 5, { siteId: blog.id, postId: 1 });
    await setTabPage(ctx, 6, { siteId: shop.id, postId: 1 });

    await disconnectSite(ctx, blog.id);

    expect(await ctx.db.sites.toCollection().primaryKeys()).toEqual([shop.id]);
    expect(await ctx.db.credentials.toCollection().primaryKeys()).toEqual([shop.id]);
    expect((await ctx.db.comments.toArray()).map((c) => c.siteId)).toEqual([shop.id, shop.id]);
    expect((await ctx.db.posts.toArray()).map((p) => p.siteId)).toEqual([shop.id]);
    expect([...(await allTabPages(ctx)).keys()]).toEqual([6]);
    expect([...registeredScripts.keys()]).toEqual(['freigabe:https://shop.example/*']);
    expect([...grantedOrigins]).toEqual(['https://shop.example/*']);
  });

  it('keeps script and permission while another connected site lives on the same host', async () => {
    const ctx = testContext();
    await connect(ctx, blog);
    await connect(ctx, blogOnOtherPort);
    await disconnectSite(ctx, blog.id);
    expect(await ctx.db.sites.count()).toBe(1);
    expect([...registeredScripts.keys()]).toEqual(['freigabe:https://blog.example/*']);
    expect([...grantedOrigins]).toEqual(['https://blog.example/*']);
  });

  it('does nothing for a site that is not connected', async () => {
    const ctx = testContext();
    await connect(ctx, shop);
    await disconnectSite(ctx, 'https://nowhere.example/wp-json/');
    expect(await ctx.db.sites.count()).toBe(1);
  });
});

describe('disconnecting with decisions not yet sent', () => {
  beforeEach(resetFakeBrowser);

  it('asks first, and discards them only when told to', async () => {
    const ctx = testContext();
    await connect(ctx, blog);
    await decide(ctx, { siteId: blog.id, commentIds: [1, 2], decision: 'approve' });
    await expect(disconnectSite(ctx, blog.id)).rejects.toMatchObject({
      code: 'unsent_decisions',
      message: expect.stringContaining('2 decisions have not reached Freigabe Demo yet'),
    });
    expect(await ctx.db.sites.count()).toBe(1);
    expect(await ctx.db.outbox.count()).toBe(2);
    await disconnectSite(ctx, blog.id, { discardUnsent: true });
    expect(await ctx.db.sites.count()).toBe(0);
    expect(await ctx.db.outbox.count()).toBe(0);
  });
});
