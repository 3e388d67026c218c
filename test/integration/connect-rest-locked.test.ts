/**
 * Connecting where a security plugin locks the REST API, against the real WordPress: closed to
 * visitors with its discovery links removed ("Disable WP REST API"), or restricted by capability
 * (Solid Security). Discovery still finds the API, moderators connect, sync and decide; an author
 * is told why Solid Security keeps them out.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { connectWithSession } from '../../src/background/sites/session.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { withStatus } from '../../src/shared/db/comment-ranges.ts';
import { DiscoveryError, discoverSite } from '../../src/shared/wp/discover.ts';
import { connectContext, refusal } from '../support/connect-harness.ts';
import { resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const author = user(wp, 'author');
const admin = adminApi(wp);
const article = wp.posts.find((post) => post.key === 'article')?.link ?? wp.url;

beforeEach(() => resetFakeBrowser());
afterAll(() => setScenarios(site, []));

/** A new pending comment comes in with a sync, and a decision made in Freigabe reaches WordPress. */
async function approveOne(ctx: Awaited<ReturnType<typeof connectContext>>, siteId: string) {
  const post = await admin.createPost({ title: `Gesperrt ${Math.random().toString(36).slice(2, 7)}` });
  const { id } = await admin.createComment(post, { status: 'hold' });
  await syncPending(ctx, siteId);
  expect(await ctx.db.comments.get([siteId, id])).toMatchObject({ status: 'hold' });
  await decide(ctx, { siteId, commentIds: [id], decision: 'approve', undoWindowMs: 0 });
  await flushOutbox(ctx);
  expect((await admin.read(id)).status).toBe('approved');
}

describe('REST API closed to visitors, discovery links removed (rest-login-required)', () => {
  beforeEach(() => setScenarios(site, ['rest-login-required']));

  it('the article announces no REST API and /wp-json/ answers 401 rest_login_required: discovery calls it that', async () => {
    const page = await fetch(article);
    expect(page.headers.get('Link') ?? '').not.toContain('api.w.org');
    expect(await page.text()).not.toContain('https://api.w.org/');
    const error = await discoverSite(article).catch((caught: DiscoveryError) => caught);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error).toMatchObject({
      reason: 'rest-login-required',
      details: { restRoot: `${wp.url}/wp-json/`, code: 'rest_login_required' },
    });
  });

  it('a logged-in editor connects from the article with the browser session, syncs and decides', async () => {
    const ctx = await connectContext(wp, { as: 'editor' });
    const connected = await connectWithSession(ctx, { url: article });
    expect(connected).toMatchObject({ siteId: `${wp.url}/wp-json/`, mode: 'moderator', signIn: 'session' });
    expect(await withStatus(ctx.db, 'hold').count()).toBeGreaterThan(0);
    await approveOne(ctx, connected.siteId);
  });

  it('an Application Password connects too (the plugin lets signed-in requests through)', async () => {
    const ctx = await connectContext(wp);
    const connected = await connectWithPassword(ctx, {
      url: article,
      username: editor.login,
      password: editor.applicationPassword,
    });
    expect(connected).toMatchObject({ mode: 'moderator', signIn: 'password' });
    await approveOne(ctx, connected.siteId);
  });

  it('a browser logged in nowhere is told the REST API answers only signed-in users', async () => {
    const { code, message } = await refusal(connectWithSession(await connectContext(wp), { url: article }));
    expect(code).toBe('rest_login_required');
    expect(message).toContain(`The REST API of ${new URL(wp.url).host} answers only signed-in users`);
  });

  it('a wrong password there is still diagnosed as a refused password (XML-RPC), not as a site without REST', async () => {
    const { code } = await refusal(
      connectWithPassword(await connectContext(wp), {
        url: article,
        username: editor.login,
        password: 'abcd efgh ijkl',
      }),
    );
    expect(code).toBe('wrong_credentials');
  });
});

describe('REST API restricted by capability (rest-restricted-by-capability, Solid Security)', () => {
  beforeEach(() => setScenarios(site, ['rest-restricted-by-capability']));

  it('an editor connects by password and by session, syncs and decides', async () => {
    const byPassword = await connectContext(wp);
    const connected = await connectWithPassword(byPassword, {
      url: wp.url,
      username: editor.login,
      password: editor.applicationPassword,
    });
    expect(connected.mode).toBe('moderator');
    expect(await withStatus(byPassword.db, 'hold').count()).toBeGreaterThan(0);
    await approveOne(byPassword, connected.siteId);
    const bySession = await connectContext(wp, { as: 'editor' });
    expect((await connectWithSession(bySession, { url: wp.url })).mode).toBe('moderator');
  });

  it('an author is told that Solid Security keeps authors out of the comments API, and what an admin can change', async () => {
    const byPassword = await connectContext(wp);
    const { code, message } = await refusal(
      connectWithPassword(byPassword, { url: wp.url, username: author.login, password: author.applicationPassword }),
    );
    expect(code).toBe('comments_api_refused');
    expect(message).toContain('Solid Security on Freigabe Demo restricts the REST API');
    expect(message).toContain('so Katrin Hellwig cannot use Freigabe there');
    expect(message).toContain('WordPress Tweaks → REST API → “Default Access”');
    expect(await byPassword.db.sites.count()).toBe(0);
    const bySession = await connectContext(wp, { as: 'author' });
    expect((await refusal(connectWithSession(bySession, { url: wp.url }))).code).toBe('comments_api_refused');
    expect(await bySession.db.sites.count()).toBe(0);
  });
});
