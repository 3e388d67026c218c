/**
 * The first-time signal against the real WordPress: a commenter approved on the blog before it was
 * connected (nothing cached, nothing decided here) is not new; an address WordPress has never
 * approved is; an author's site sends no `author_email` request at all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { checkCommenterHistory } from '../../src/background/commenter-history.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { historyEmail } from '../../src/shared/commenter-history.ts';
import type { CommentRow } from '../../src/shared/db/index.ts';
import { reputationKeys } from '../../src/shared/reputation.ts';
import { firstTimeSignal } from '../../src/shared/signals.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const siteId = `${wp.url}/wp-json/`;
const admin = adminApi(wp);
const run = Math.random().toString(36).slice(2, 8);
const regular = `Stamm.${run}@Example.org`;
const newcomer = `neu.${run}@example.org`;
const created: number[] = [];

/** The background as it runs, with every URL it fetched. */
async function connected(key: 'editor' | 'author'): Promise<{ ctx: BackgroundContext; fetched: string[] }> {
  const fetched: string[] = [];
  const ctx = testContext({
    fetch: (input, init) => {
      fetched.push(String(input));
      return fetch(input, init);
    },
  });
  const account = user(wp, key);
  await connectWithPassword(ctx, { url: wp.url, username: account.login, password: account.applicationPassword });
  return { ctx, fetched };
}

/** The signal the popup row shows for a cached comment, from the cache alone. */
async function signalOf(ctx: BackgroundContext, comment: CommentRow, moderator: boolean) {
  const reputation = await ctx.db.reputation.bulkGet(reputationKeys(comment).map((key) => [siteId, key]));
  const email = historyEmail(comment);
  const history = email ? await ctx.db.commenterHistory.get([siteId, email]) : undefined;
  return firstTimeSignal({
    comment,
    reputation: reputation.filter((row) => row !== undefined),
    serverApproved: moderator ? (history?.approved ?? null) : null,
  });
}

let post: number;
let regularPending: number;
let newcomerPending: number;
beforeAll(async () => {
  post = await admin.createPost({ title: `Erstkommentar ${run}`, author: user(wp, 'author').id });
  // The regular's approved comments predate the connection; this time WordPress holds them (links).
  for (let i = 0; i < 2; i++) {
    const { id } = await admin.createComment(post, {
      status: 'approved',
      author_name: 'Stamm Leser',
      author_email: regular,
    });
    created.push(id);
  }
  const pending = [
    // Written in lower case this time: MariaDB compares addresses without case, as we key them.
    await admin.createComment(post, { author_name: 'Stamm', author_email: regular.toLowerCase() }),
    await admin.createComment(post, { author_name: 'Neu Hier', author_email: newcomer }),
  ];
  [regularPending, newcomerPending] = pending.map(({ id }) => id) as [number, number];
  created.push(regularPending, newcomerPending);
});
afterAll(async () => {
  for (const id of created) await admin.remove(id);
});
beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

describe('the first-time signal, confirmed with WordPress', () => {
  it('a regular approved before the blog was connected is not new; an address WordPress never approved is', async () => {
    const { ctx, fetched } = await connected('editor');
    await syncPending(ctx, siteId);
    // Nothing of the regular's history is known here: their approved comments are not cached.
    for (const id of created.slice(0, 2)) await ctx.db.comments.delete([siteId, id]);
    await ctx.db.reputation.clear();
    const regularRow = await ctx.db.comments.get([siteId, regularPending]);
    const newcomerRow = await ctx.db.comments.get([siteId, newcomerPending]);
    if (!regularRow || !newcomerRow) throw new Error('pending comments not synced');
    expect(await signalOf(ctx, regularRow, true)).toBe('first-seen');

    expect(await checkCommenterHistory(ctx, siteId, [regularPending, newcomerPending])).toEqual({ asked: 2 });
    expect(await ctx.db.commenterHistory.get([siteId, regular.toLowerCase()])).toMatchObject({ approved: 2 });
    expect(await ctx.db.commenterHistory.get([siteId, newcomer])).toMatchObject({ approved: 0 });
    expect(await signalOf(ctx, regularRow, true)).toBeNull();
    expect(await signalOf(ctx, newcomerRow, true)).toBe('first-comment');

    const asked = fetched.filter((url) => new URL(url).searchParams.has('author_email'));
    expect(asked).toHaveLength(2);
    for (const url of asked) {
      expect(Object.fromEntries(new URL(url).searchParams)).toMatchObject({
        status: 'approve',
        type: 'comment',
        per_page: '1',
        _fields: 'id',
      });
    }
    // Asked again at once: answered from the cache.
    expect(await checkCommenterHistory(ctx, siteId, [regularPending, newcomerPending])).toEqual({ asked: 0 });
    expect(fetched.filter((url) => new URL(url).searchParams.has('author_email'))).toHaveLength(2);
  });

  it('an author sees no addresses: no author_email request, local knowledge only', async () => {
    const { ctx, fetched } = await connected('author');
    await syncPending(ctx, siteId);
    const cached = await ctx.db.comments.get([siteId, regularPending]);
    expect(cached).toMatchObject({ authorEmail: null });
    expect(await checkCommenterHistory(ctx, siteId, [regularPending, newcomerPending])).toEqual({ asked: 0 });
    expect(fetched.filter((url) => new URL(url).searchParams.has('author_email'))).toEqual([]);
    expect(await ctx.db.commenterHistory.count()).toBe(0);
    if (cached) expect(await signalOf(ctx, cached, false)).toBe('first-seen');
    // Even with an address in the cache (say, from when this user could moderate), nothing is asked.
    await ctx.db.comments.update([siteId, newcomerPending], { authorEmail: newcomer });
    expect(await checkCommenterHistory(ctx, siteId, [newcomerPending])).toEqual({ asked: 0 });
    expect(fetched.filter((url) => new URL(url).searchParams.has('author_email'))).toEqual([]);
  });
});
