/**
 * The Freigabe Bridge's id listing on the real WordPress (7.1; 6.1 in compat-integration): the ids
 * of a filter, ascending, a keyset page at a time with the total — the same comments the REST API's
 * own list finds for that filter, editor notes never — and only for moderators.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setBridge } from '../../scripts/wp/scenarios.ts';
import { allIds, bulk, idsRequest } from '../support/bridge.ts';
import { postId, restRequest, restRoot, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
let post = 0;
const ids: number[] = [];

/** What REST's own comment list finds for a filter: every id, ascending. */
async function restIds(query: Record<string, string>): Promise<number[]> {
  const found: number[] = [];
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({
      per_page: '100',
      page: String(page),
      orderby: 'id',
      order: 'asc',
      _fields: 'id',
      ...query,
    });
    const response = await restRequest(restRoot(wp), editor, `wp/v2/comments?${params}`);
    if (!response.ok) throw new Error(`REST list: HTTP ${response.status} ${await response.text()}`);
    const items = (await response.json()) as { id: number }[];
    found.push(...items.map((item) => item.id));
    if (page >= Number(response.headers.get('X-WP-TotalPages') ?? 1)) return found;
  }
}

beforeAll(async () => {
  await setBridge(site, true);
  post = await admin.createPost({ title: 'Bridge: Ids' });
  for (let i = 0; i < 7; i++) {
    const comment = await admin.createComment(post, {
      status: i < 5 ? 'hold' : 'spam',
      content: i === 3 ? 'Ein Satz mit dem Wort Quittenbrot darin.' : `Ids ${i}`,
      author_email: i === 1 ? 'besondere@example.org' : 'leserin@example.org',
      date_gmt: `2026-0${i + 1}-15T10:00:00`,
    });
    ids.push(comment.id);
  }
});

afterAll(async () => {
  await admin.removePost(post);
  await setBridge(site, false);
});

describe('Freigabe Bridge: GET freigabe/v1/comments/ids', () => {
  it('pages along the keyset in ascending ids, with the total on every page', async () => {
    const listed = await allIds(wp, editor, { status: 'hold', post, per_page: 2 });
    expect(listed.ids).toEqual(ids.slice(0, 5));
    expect(listed.pages).toEqual([2, 2, 1]);
    expect(listed.totals).toEqual([5, 5, 5]);

    const first = await idsRequest(wp, editor, { status: 'hold', post, per_page: 5 });
    expect(first.json).toEqual({ ids: ids.slice(0, 5), total: 5, next_after_id: null });
  });

  it('counts only when asked: count=false answers the same page with total null (1.1.1)', async () => {
    const counted = await idsRequest(wp, editor, { status: 'hold', post, per_page: 2 });
    const uncounted = await idsRequest(wp, editor, { status: 'hold', post, per_page: 2, count: 'false' });
    expect(uncounted.json).toEqual({ ...counted.json, total: null });
    expect(counted.json.total).toBe(5);
    const notBoolean = await idsRequest(wp, editor, { status: 'hold', post, count: 'sometimes' });
    expect({ status: notBoolean.status, code: notBoolean.json.code }).toEqual({
      status: 400,
      code: 'rest_invalid_param',
    });
  });

  it('keeps its place when comments change between pages (a bulk job working through them)', async () => {
    const [first = 0, second = 0, third = 0] = ids;
    const page = await idsRequest(wp, editor, { status: 'hold', post, per_page: 2 });
    expect(page.json.ids).toEqual([first, second]);
    // The job approves the page it was given: they leave the filter, and nothing after them is skipped.
    await bulk(wp, editor, { action: 'approve', ids: [first, second] });
    const next = await idsRequest(wp, editor, {
      status: 'hold',
      post,
      per_page: 2,
      after_id: page.json.next_after_id ?? 0,
    });
    expect(next.json.ids).toEqual([third, ids[3]]);
    expect(next.json.total).toBe(3);
    await bulk(wp, editor, { action: 'unapprove', ids: [first, second] });
  });

  it('filters by status, search, commenter email and date as REST’s comment list does', async () => {
    const cases: Record<string, string>[] = [
      { status: 'spam', post: String(post) },
      { status: 'any', post: String(post) },
      { status: 'hold', post: String(post), search: 'Quittenbrot' },
      { status: 'hold', post: String(post), author_email: 'besondere@example.org' },
      { status: 'hold', post: String(post), after: '2026-02-01T00:00:00', before: '2026-04-30T00:00:00' },
    ];
    for (const query of cases) {
      const listed = await allIds(wp, editor, { ...query, type: 'comments' });
      expect(listed.ids, JSON.stringify(query)).toEqual(await restIds({ ...query, type: 'comment' }));
      expect(listed.ids.length, JSON.stringify(query)).toBeGreaterThan(0);
      expect(listed.totals[0]).toBe(listed.ids.length);
    }
    expect((await allIds(wp, editor, { status: 'hold', post, search: 'Quittenbrot' })).ids).toEqual([ids[3]]);
  });

  it('tells comments and pings apart, and never lists editor notes', async () => {
    const article = postId(wp, 'article');
    for (const status of ['hold', 'approve', 'spam', 'trash']) {
      const comments = await restIds({ status, post: String(article), type: 'comment' });
      const pings = await restIds({ status, post: String(article), type: 'pings' });
      expect((await allIds(wp, editor, { status, post: article, type: 'comments' })).ids, status).toEqual(comments);
      expect((await allIds(wp, editor, { status, post: article, type: 'pings' })).ids, status).toEqual(pings);
      const all = await allIds(wp, editor, { status, post: article, type: 'all' });
      expect(all.ids, status).toEqual([...comments, ...pings].sort((a, b) => a - b));
    }
    // The seed has pings on the article, and notes there on 7.1: both kinds were really looked at.
    expect((await allIds(wp, editor, { status: 'any', post: article, type: 'pings' })).ids.length).toBeGreaterThan(0);
    const everything = await allIds(wp, editor, { status: 'any', type: 'all', per_page: 5000 });
    for (const note of Object.values(wp.notes)) expect(everything.ids).not.toContain(note);
  });

  it('lists for moderators only, and refuses a page larger than it allows', async () => {
    const asAuthor = await idsRequest(wp, user(wp, 'author'), { status: 'hold' });
    expect({ status: asAuthor.status, code: asAuthor.json.code }).toEqual({ status: 403, code: 'rest_forbidden' });
    expect(asAuthor.json.message).toMatch(/only moderators/);
    const signedOut = await idsRequest(wp, null, { status: 'hold' });
    expect({ status: signedOut.status, code: signedOut.json.code }).toEqual({ status: 401, code: 'rest_forbidden' });
    const tooLarge = await idsRequest(wp, editor, { status: 'hold', per_page: 5001 });
    expect({ status: tooLarge.status, code: tooLarge.json.code }).toEqual({ status: 400, code: 'rest_invalid_param' });
    const badStatus = await idsRequest(wp, editor, { status: 'pending' });
    expect(badStatus.status).toBe(400);
  });
});
