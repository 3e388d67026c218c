/**
 * "Unreplied" against the real WordPress (ADR 028): approved comments of the last two weeks with no
 * reply from their post's author. A reply by someone else does not count; the post author's own
 * comments and old ones are not listed; an author sees only their own posts, a moderator every post
 * with the posts' authors named. What is found is in the cache afterwards (the popup lists it there).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { findUnreplied } from '../../src/background/unreplied.ts';
import type { UnrepliedSite } from '../../src/shared/messages.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { restClient, restRoot, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const siteId = `${wp.url}/wp-json/`;
const admin = adminApi(wp);
const asAuthor = restClient(restRoot(wp), user(wp, 'author'));
const asAdmin = restClient(restRoot(wp), user(wp, 'admin'));
const run = Math.random().toString(36).slice(2, 8);
const created: number[] = [];
const posts: number[] = [];
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60_000).toISOString().slice(0, 19);
/**
 * Unreplied reads the newest 100 approved comments of the window (ADR 028), and other files of
 * this project approve hundreds just before: the recent ones here are dated ahead (tomorrow, less
 * an hour per "day") so they stay the newest, in the same order; the old one keeps its real age.
 */
const datedAgo = (days: number) =>
  days >= 14 ? daysAgo(days) : new Date(Date.now() + (24 - days) * 60 * 60_000).toISOString().slice(0, 19);

async function connected(key: 'editor' | 'author'): Promise<BackgroundContext> {
  const ctx = testContext();
  const account = user(wp, key);
  await connectWithPassword(ctx, { url: wp.url, username: account.login, password: account.applicationPassword });
  return ctx;
}

const ids = { waiting: 0, answered: 0, answeredByOther: 0, otherPost: 0, old: 0, authorsOwn: 0 };
beforeAll(async () => {
  // The author replies over REST below: another file's comment of theirs a moment before would make
  // it a flood (WordPress's 15-second rule for non-moderators), which the lanes' timing can bring.
  await setScenarios({ url: wp.url, dir: inject('wpDir') }, ['no-comment-flood']);
  const ownPost = await admin.createPost({ title: `Unbeantwortet ${run}`, author: user(wp, 'author').id });
  const otherPost = await admin.createPost({ title: `Fremd ${run}` });
  posts.push(ownPost, otherPost);
  const comment = async (post: number, days: number, author_name: string) => {
    const { id } = await admin.createComment(post, { status: 'approved', author_name, date_gmt: datedAgo(days) });
    created.push(id);
    return id;
  };
  ids.waiting = await comment(ownPost, 1, 'Wartet Noch');
  ids.answered = await comment(ownPost, 2, 'Hat Antwort');
  ids.answeredByOther = await comment(ownPost, 3, 'Antwort Von Anderen');
  ids.otherPost = await comment(otherPost, 1.5, 'Anderer Beitrag');
  ids.old = await comment(ownPost, 30, 'Lange Her');
  // The post's author answers one; the administrator (not the post's author) another.
  const reply = await asAuthor<{ id: number; status: string }>('POST', 'wp/v2/comments', {
    post: ownPost,
    parent: ids.answered,
    content: `Danke! ${run}`,
  });
  expect(reply.status).toBe('approved');
  created.push(reply.id);
  const other = await admin.createComment(ownPost, { status: 'approved', parent: ids.answeredByOther });
  created.push(other.id);
  // The post's author's own top-level comment awaits nobody's reply.
  // (Written for them by the administrator: a second comment of theirs this soon would be a flood.)
  const own = await asAdmin<{ id: number }>('POST', 'wp/v2/comments', {
    post: ownPost,
    author: user(wp, 'author').id,
    content: `Nachtrag ${run}`,
    status: 'approved',
  });
  ids.authorsOwn = own.id;
  created.push(own.id);
});
afterAll(async () => {
  await setScenarios({ url: wp.url, dir: inject('wpDir') }, []);
  for (const id of created) await admin.remove(id);
  for (const id of posts) await admin.removePost(id);
});
beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

function foundOn(sites: UnrepliedSite[]): Extract<UnrepliedSite, { outcome: 'found' }> {
  const [site] = sites;
  if (site?.outcome !== 'found') throw new Error(`not found: ${JSON.stringify(site)}`);
  return site;
}

describe('Unreplied, asked of WordPress', () => {
  it('an author: approved comments on their own posts without their reply, newest first', async () => {
    const ctx = await connected('author');
    const site = foundOn((await findUnreplied(ctx)).sites);
    const listed = site.comments.map((comment) => comment.id);
    const mine = listed.filter((id) => Object.values(ids).includes(id));
    expect(mine).toEqual([ids.waiting, ids.answeredByOther]);
    expect(listed).not.toContain(ids.otherPost);
    expect(site.postAuthors).toEqual([{ id: user(wp, 'author').id, name: expect.any(String) }]);
    expect(site.days).toBe(14);
    // In the cache now, approved, for the popup to list and to reply to.
    expect(await ctx.db.comments.get([siteId, ids.waiting])).toMatchObject({ status: 'approved' });
  });

  it('a moderator: every post, with the posts’ authors to filter by', async () => {
    const ctx = await connected('editor');
    const site = foundOn((await findUnreplied(ctx, siteId)).sites);
    const listed = site.comments.map((comment) => comment.id);
    const ours = listed.filter((id) => Object.values(ids).includes(id));
    expect(ours).toEqual([ids.waiting, ids.otherPost, ids.answeredByOther]);
    const author = user(wp, 'author').id;
    expect(site.comments.find((comment) => comment.id === ids.waiting)?.postAuthor).toBe(author);
    expect(site.postAuthors.map((entry) => entry.id)).toContain(author);
    expect(site.postAuthors.every((entry) => entry.name !== '' && !entry.name.startsWith('#'))).toBe(true);
  });

  it('a site that cannot be asked says why and writes nothing', async () => {
    const ctx = await connected('editor');
    await ctx.db.credentials.put({
      siteId,
      auth: { kind: 'application-password', username: user(wp, 'editor').login, password: 'wrong wrong wrong' },
    });
    const [site] = (await findUnreplied(ctx)).sites;
    expect(site).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/.+/) });
    expect(await ctx.db.comments.get([siteId, ids.waiting])).toBeUndefined();
  });
});
