/**
 * Paged comments on the real WordPress (page_comments, 10 per page, newest first): what the inline
 * view is given to place pending comments by. Threaded, each pending comment's permalink names the
 * comment page WordPress will show it on (its top-level ancestor's; a new top-level comment's is the
 * last page) and the placement puts it there and nowhere else. Threading off, WordPress's own
 * permalinks name the wrong page (get_page_of_comment() counts top-level comments only) — which is
 * why the inline view computes those pages from the approved comments. An article with more
 * approved comments than the cache reads gets WordPress's own totals (comments and pings, never
 * editor notes), so its counts are the same on every comment page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { addComments } from '../../scripts/wp/index.ts';
import { setOptions } from '../../scripts/wp/scenarios.ts';
import { fetchPostComments } from '../../src/background/inline/post-comments.ts';
import { inlineState } from '../../src/background/inline/state.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { contextLimit, fetchThreadContext } from '../../src/background/sync/thread-context.ts';
import { pageOfLink } from '../../src/content/inline/comment-pages.ts';
import { homesOf } from '../../src/content/inline/home.ts';
import type { InlineComment } from '../../src/shared/inline-protocol.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { basicAuth, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const posts: number[] = [];
const hour = 3_600_000;
const at = (start: number, hours: number) => new Date(start + hours * hour).toISOString().slice(0, 19);

async function connectedEditor() {
  const ctx = testContext();
  await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
  const siteRow = await ctx.db.sites.get(`${wp.url}/wp-json/`);
  if (!siteRow) throw new Error('not connected');
  return { ctx, site: siteRow };
}

async function approved(post: number, author: string, hours: number, start: number, parent = 0) {
  return (
    await admin.createComment(post, { status: 'approved', author_name: author, parent, date_gmt: at(start, hours) })
  ).id;
}

beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

beforeAll(async () => {
  await setOptions(site, {
    page_comments: 1,
    comments_per_page: 10,
    default_comments_page: 'newest',
    comment_order: 'asc',
    thread_comments: 1,
    thread_comments_depth: 5,
  });
});

afterAll(async () => {
  for (const post of posts) await admin.removePost(post);
  await setOptions(site, { page_comments: 0, comments_per_page: 50, thread_comments: 1, thread_comments_depth: 5 });
});

describe('paged comments: what the inline view places by', () => {
  it('threaded: each pending comment’s permalink names its page, and it is placed on that page only', async () => {
    const post = await admin.createPost({ title: 'Seiten mit Antworten' });
    posts.push(post);
    const start = Date.now() - 2 * 86_400_000;
    const top: number[] = [];
    for (let i = 1; i <= 25; i++) top.push(await approved(post, `Leser ${i}`, i, start));
    const hold = async (author: string, parent: number, hours: number) =>
      (await admin.createComment(post, { status: 'hold', author_name: author, parent, date_gmt: at(start, hours) })).id;
    const onPage1 = await hold('Antwort Seite 1', top[2] as number, 30);
    const onPage2 = await hold('Antwort Seite 2', top[14] as number, 31);
    const newest = await hold('Ganz neu', 0, 32);

    const { ctx, site: siteRow } = await connectedEditor();
    await fetchThreadContext(ctx, siteRow.id, post);
    await fetchPostComments(ctx, siteRow, post, 'hold');
    const state = await inlineState(ctx, siteRow, post, { includeSpam: false });
    const byId = new Map(state.comments.map((comment) => [comment.id, comment]));
    const pageOf = (id: number) => pageOfLink(byId.get(id)?.link ?? '');
    expect(top.map(pageOf)).toEqual(top.map((_, index) => Math.floor(index / 10) + 1));
    expect([pageOf(onPage1), pageOf(onPage2), pageOf(newest)]).toEqual([1, 2, 3]);
    expect(state.approvedTotals).toBeNull();

    // Each page places what is its own, and says where the rest waits.
    const pending = state.comments.filter((comment) => comment.status === 'hold');
    const where = (page: number) => {
      const shown = new Set(top.slice((page - 1) * 10, page * 10));
      const homes = homesOf(pending, {
        threaded: true,
        atDepthLimit: new Set(),
        shown,
        currentPage: page,
        cached: byId as ReadonlyMap<number, InlineComment>,
      });
      return [onPage1, onPage2, newest].map((id) => {
        const home = homes.get(id);
        return home?.where === 'elsewhere' ? `page ${home.page}` : home?.where;
      });
    };
    expect(where(1)).toEqual(['under', 'page 2', 'page 3']);
    expect(where(2)).toEqual(['page 1', 'under', 'page 3']);
    expect(where(3)).toEqual(['page 1', 'page 2', 'list']);
  });

  it('threading off: WordPress’s own permalink names the wrong page for a comment after replies', async () => {
    const post = await admin.createPost({ title: 'Flache Seiten' });
    posts.push(post);
    const start = Date.now() - 2 * 86_400_000;
    // By date: T1–T5, ten replies to T1, T6–T10. Flat pages of 10: T1–T5 R1–R5 | R6–R10 T6–T10.
    const first = await approved(post, 'T1', 1, start);
    for (let i = 2; i <= 5; i++) await approved(post, `T${i}`, i, start);
    for (let i = 1; i <= 10; i++) await approved(post, `R${i}`, 5 + i, start, first);
    const later: number[] = [];
    for (let i = 6; i <= 10; i++) later.push(await approved(post, `T${i}`, 10 + i, start));
    await setOptions(site, { thread_comments: 0 });
    try {
      const t6 = later[0] as number;
      const rest = await fetch(`${wp.url}/wp-json/wp/v2/comments/${t6}`, {
        headers: { Authorization: basicAuth(editor) },
      });
      const { link } = (await rest.json()) as { link: string };
      // WordPress's link says page 1 (it counted the five top-level comments before T6)…
      expect(pageOfLink(link)).toBe(1);
      const pageOne = await (await fetch(link.replace(/#.*$/, ''))).text();
      expect(pageOne).not.toContain(`id="comment-${t6}"`);
      // …but WordPress shows T6 on page 2.
      const base = link.replace(/comment-page-\d+\/.*$/, '');
      const pageTwo = await (await fetch(`${base}comment-page-2/`)).text();
      expect(pageTwo).toContain(`id="comment-${t6}"`);
    } finally {
      await setOptions(site, { thread_comments: 1 });
    }
  });

  it(`more approved comments than the cache reads (${contextLimit}): the counts are WordPress’s, notes left out`, async () => {
    const post = await admin.createPost({ title: 'Sehr lange Debatte' });
    posts.push(post);
    await addComments(site, post, contextLimit + 12, 'approved');
    if (wp.core !== '6.1') {
      // An editor's note on the post (a comment of type note since 6.9): never one of the article's comments.
      const note = await fetch(`${wp.url}/wp-json/wp/v2/comments`, {
        method: 'POST',
        headers: { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' },
        body: JSON.stringify({ post, type: 'note', content: 'Bitte Quellen prüfen.', status: 'approved' }),
      });
      expect(note.status).toBe(201);
    }
    const { ctx, site: siteRow } = await connectedEditor();
    await fetchThreadContext(ctx, siteRow.id, post);
    const state = await inlineState(ctx, siteRow, post, { includeSpam: false });
    expect(state.comments.filter((comment) => comment.status === 'approved').length).toBeLessThanOrEqual(contextLimit);
    expect(state.approvedTotals).toEqual({ comments: contextLimit + 12, pings: 0 });
  });
});
