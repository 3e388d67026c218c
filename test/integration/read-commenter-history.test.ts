/**
 * A commenter's history against the real WordPress: a moderator gets the address's comments in
 * every status (counted by WordPress), the first and last date, the posts, IPs and URLs, and how
 * many comments WordPress's search finds for the IP; an author gets the same name's comments on
 * their own posts only, and no spam, trash or IPs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { BackgroundContext } from '../../src/background/context.ts';
import { readCommenterHistory } from '../../src/background/read-commenter-history.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const siteId = `${wp.url}/wp-json/`;
const admin = adminApi(wp);
const run = Math.random().toString(36).slice(2, 8);
const email = `verlauf.${run}@example.org`;
const name = `Verlauf ${run}`;
const ip = `203.0.113.${10 + Math.floor(Math.random() * 200)}`;
const created: number[] = [];
const posts: number[] = [];

async function connected(key: 'editor' | 'author'): Promise<BackgroundContext> {
  const ctx = testContext();
  const account = user(wp, key);
  await connectWithPassword(ctx, { url: wp.url, username: account.login, password: account.applicationPassword });
  await syncPending(ctx, siteId);
  return ctx;
}

let ownPost: number;
let otherPost: number;
let pendingOnOwn: number;
beforeAll(async () => {
  ownPost = await admin.createPost({ title: `Verlauf eigen ${run}`, author: user(wp, 'author').id });
  otherPost = await admin.createPost({ title: `Verlauf fremd ${run}` });
  posts.push(ownPost, otherPost);
  const arrange = async (post: number, status: string, date: string, extra: { ip?: string; url?: string } = {}) => {
    const { id } = await admin.createComment(post, {
      status,
      author_name: name,
      author_email: email,
      ip: extra.ip ?? ip,
      date_gmt: date,
      ...(extra.url ? { author_url: extra.url } : {}),
    });
    created.push(id);
    return id;
  };
  await arrange(ownPost, 'approved', '2026-01-05T09:00:00', { url: 'https://verlauf.example.org/' });
  await arrange(ownPost, 'approved', '2026-02-05T09:00:00');
  pendingOnOwn = await arrange(ownPost, 'hold', '2026-11-30T09:00:00');
  await arrange(otherPost, 'approved', '2026-03-05T09:00:00', { ip: '198.51.100.77' });
  await arrange(otherPost, 'spam', '2026-04-05T09:00:00');
  await arrange(otherPost, 'trash', '2026-05-05T09:00:00');
  // Someone else on the author's post, whose text names the commenter: not theirs.
  const { id } = await admin.createComment(ownPost, {
    status: 'approved',
    author_name: 'Jemand Anderes',
    author_email: `anderer.${run}@example.org`,
    content: `Ich stimme ${name} zu.`,
  });
  created.push(id);
});
afterAll(async () => {
  for (const id of created) await admin.remove(id);
  for (const id of posts) await admin.removePost(id);
});
beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

describe("a commenter's history, read from WordPress", () => {
  it('a moderator gets every status by the address, dates, posts, IPs, URLs and the IP search', async () => {
    const ctx = await connected('editor');
    const history = await readCommenterHistory(ctx, siteId, pendingOnOwn);
    expect(history).toMatchObject({
      by: 'email',
      who: email,
      counts: { approved: 3, pending: 1, spam: 1, trash: 1 },
      first: Date.parse('2026-01-05T09:00:00Z'),
      last: Date.parse('2026-11-30T09:00:00Z'),
      total: 6,
      read: 6,
      sameIp: { ip, total: 5 },
    });
    expect(history.posts.map((post) => [post.id, post.comments])).toEqual([
      [ownPost, 3],
      [otherPost, 3],
    ]);
    expect(history.posts.map((post) => post.title)).toEqual([`Verlauf eigen ${run}`, `Verlauf fremd ${run}`]);
    expect(history.ips).toEqual([ip, '198.51.100.77']);
    expect(history.urls).toEqual(['https://verlauf.example.org/']);
    // Nothing was written into the cache: the history is the popup's to show.
    expect(await ctx.db.comments.where('[siteId+status]').equals([siteId, 'spam']).count()).toBe(0);
  });

  it('an author gets the same name on their own posts only: no spam, trash, addresses or IPs', async () => {
    const ctx = await connected('author');
    const history = await readCommenterHistory(ctx, siteId, pendingOnOwn);
    expect(history).toMatchObject({
      by: 'name',
      who: name,
      counts: { approved: 2, pending: 1, spam: null, trash: null },
      first: Date.parse('2026-01-05T09:00:00Z'),
      last: Date.parse('2026-11-30T09:00:00Z'),
      total: 3,
      ips: [],
      urls: ['https://verlauf.example.org/'],
      sameIp: null,
    });
    expect(history.posts.map((post) => post.id)).toEqual([ownPost]);
    expect(JSON.stringify(history)).not.toContain(email);
  });

  it('a comment that is not cached gets a clear message', async () => {
    const ctx = await connected('editor');
    await expect(readCommenterHistory(ctx, siteId, 999_999_999)).rejects.toThrow(/no longer in the cache/);
  });
});
