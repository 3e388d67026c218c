/**
 * Akismet's verdict through the Freigabe Bridge (scenarios `akismet` + `akismet-answers`: Akismet
 * checks new comments and answers at once): the Bridge's read-only field `freigabe_akismet` comes
 * with the comment lists the sync reads anyway, for moderators; authors get nothing; without the
 * Bridge nothing is there and the sync makes the very same requests.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setBridge, setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';
import { fetchPostComments } from '../../src/background/inline/post-comments.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { akismetLine, akismetLineParts } from '../../src/shared/akismet.ts';
import { isolate } from '../../src/shared/bidi.ts';
import type { CommentRow } from '../../src/shared/db/index.ts';
import { testContext } from '../support/background-context.ts';
import { bulk } from '../support/bridge.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { basicAuth, postId, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const author = user(wp, 'author');
/** who wrote the test comments (Akismet notes the signed-in user with its check) */
const writer = user(wp, 'admin');
const siteId = `${wp.url}/wp-json/`;
let post = 0;
/** caught as spam by Akismet, then reported not spam by the editor (now pending) */
let reported = 0;
/** caught as spam, left there */
let caught = 0;
/** cleared by Akismet, then held by the editor */
let cleared = 0;
/** on the author's own article, caught and reported not spam */
let onAuthorsPost = 0;

/** A comment as a visitor's would arrive through REST, checked by Akismet on the way in. */
async function written(postOf: number, answer: 'true' | 'false', name: string): Promise<number> {
  await setOptions(site, { freigabe_akismet_answer: answer });
  const response = await fetch(`${wp.url}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { Authorization: basicAuth(writer), 'Content-Type': 'application/json' },
    body: JSON.stringify({
      post: postOf,
      content: `Akismet: ${name}`,
      author_name: name,
      author_email: `${name.toLowerCase()}@example.org`,
      author_ip: '198.51.100.202',
    }),
  });
  if (!response.ok) throw new Error(`comment: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

async function connected(as: { login: string; applicationPassword: string }, requests: string[] = []) {
  const ctx = testContext({
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      requests.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
      return fetch(input, init);
    },
  });
  await connectWithPassword(ctx, { url: wp.url, username: as.login, password: as.applicationPassword });
  return ctx;
}

const cached = async (ctx: Awaited<ReturnType<typeof connected>>, id: number): Promise<CommentRow | undefined> =>
  ctx.db.comments.get([siteId, id]);
const events = (row: CommentRow | undefined) =>
  row?.akismet?.history.map((entry) => `${entry.event}${entry.user ? ` by ${entry.user}` : ''}`);

beforeAll(async () => {
  await setScenarios(site, []);
  await setBridge(site, true);
  post = await admin.createPost({ title: 'Akismet: das Urteil' });
  await setScenarios(site, ['akismet', 'akismet-answers']);
  reported = await written(post, 'true', 'Reported');
  caught = await written(post, 'true', 'Caught');
  cleared = await written(post, 'false', 'Cleared');
  onAuthorsPost = await written(postId(wp, 'article'), 'true', 'Authors');
  const [unspammed, heldBack, authors] = await Promise.all([
    bulk(wp, editor, { action: 'unspam', ids: [reported] }),
    bulk(wp, editor, { action: 'unapprove', ids: [cleared] }),
    bulk(wp, editor, { action: 'unspam', ids: [onAuthorsPost] }),
  ]);
  expect([...unspammed, ...heldBack, ...authors].map((result) => result.after)).toEqual(['hold', 'hold', 'hold']);
});

afterAll(async () => {
  await setBridge(site, true);
  await setScenarios(site, []);
  await setOptions(site, { freigabe_akismet_answer: null, freigabe_akismet_calls: null });
  await admin.removePost(post);
  if (onAuthorsPost > 0) await bulk(wp, editor, { action: 'delete', ids: [onAuthorsPost] });
  await setBridge(site, false);
});

beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

describe('Akismet’s verdict with the Freigabe Bridge', () => {
  it('a moderator’s sync brings it with the pending comments: caught, then reported not spam by whom', async () => {
    await setBridge(site, true);
    const ctx = await connected(editor);
    const row = await cached(ctx, reported);
    expect(row?.status).toBe('hold');
    expect(row?.akismet?.result).toBe('spam');
    expect(events(row)).toEqual([`check-spam by ${writer.login}`, `report-ham by ${editor.login}`]);
    const checkedAt = row?.akismet?.history.find((entry) => entry.event === 'check-spam')?.time ?? 0;
    expect(Math.abs(checkedAt - Date.now())).toBeLessThan(10 * 60_000);
    expect(akismetLine(row?.akismet ?? { result: null, history: [] }, () => '3 days ago')).toBe(
      `Akismet: spam · caught 3 days ago · reported not spam by ${isolate(editor.login)}`,
    );

    const clearedRow = await cached(ctx, cleared);
    expect(clearedRow?.akismet?.result).toBe('ham');
    expect(akismetLineParts(clearedRow?.akismet ?? { result: null, history: [] }, () => 'now')).toEqual([
      { key: 'akismetHam' },
      { key: 'akismetCleared', substitutions: ['now'] },
    ]);
  });

  it('spam read for the article (its spam asked for) has it too: caught, nobody reported it', async () => {
    const ctx = await connected(editor);
    const siteRow = await ctx.db.sites.get(siteId);
    if (!siteRow) throw new Error('not connected');
    await fetchPostComments(ctx, siteRow, post, 'spam');
    const row = await cached(ctx, caught);
    expect(row?.status).toBe('spam');
    expect(events(row)).toEqual([`check-spam by ${writer.login}`]);
    expect(akismetLine(row?.akismet ?? { result: null, history: [] }, () => 'now')).toBe('Akismet: spam · caught now');
  });

  it('an author gets nothing: not in their sync, not from the field asked for directly', async () => {
    const ctx = await connected(author);
    const row = await cached(ctx, onAuthorsPost);
    expect(row?.status).toBe('hold');
    expect(row?.akismet).toBeUndefined();
    const direct = await fetch(`${wp.url}/wp-json/wp/v2/comments/${onAuthorsPost}?_fields=id,freigabe_akismet`, {
      headers: { Authorization: basicAuth(author) },
    });
    expect(await direct.json()).toEqual({ id: onAuthorsPost });
    const edit = await fetch(`${wp.url}/wp-json/wp/v2/comments/${onAuthorsPost}?context=edit`, {
      headers: { Authorization: basicAuth(author) },
    });
    expect(edit.status).toBe(403);
  });

  it('without the Bridge nothing is shown, and the sync makes exactly the requests it makes with it', async () => {
    const withBridge: string[] = [];
    const withIt = await connected(editor, withBridge);
    expect((await cached(withIt, reported))?.akismet).toBeDefined();

    await setBridge(site, false);
    const without: string[] = [];
    const ctx = await connected(editor, without);
    expect((await ctx.db.sites.get(siteId))?.bridge).toBeNull();
    const row = await cached(ctx, reported);
    expect(row?.status).toBe('hold');
    expect(row?.akismet).toBeUndefined();
    expect(Object.hasOwn(row ?? {}, 'akismet')).toBe(false);
    // The same requests (their queries may carry times), the field asked for in both.
    const paths = (requests: string[]) => requests.map((request) => request.split('?')[0]);
    expect(paths(without)).toEqual(paths(withBridge));
    expect(without.some((request) => request.includes('freigabe_akismet'))).toBe(true);

    await syncPending(ctx, siteId);
    expect((await cached(ctx, reported))?.akismet).toBeUndefined();
    await setBridge(site, true);
  });
});
