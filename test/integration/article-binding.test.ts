/**
 * A tab is bound to the article whose WordPress link it shows, on the real WordPress: the link is
 * read from WordPress (`wp/v2/posts?include=`), a page naming another article gets none of its
 * comments or commenter details, and every comment page of the article — pretty permalinks
 * (`/comment-page-2/`) and plain ones (`?p=N&cpage=2`) — is that article.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setOptions } from '../../scripts/wp/scenarios.ts';
import { contentHandlers, pageHandlers } from '../../src/background/handlers.ts';
import { createRouter } from '../../src/background/router.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { tabPage } from '../../src/background/tab-state.ts';
import type { InlineState } from '../../src/shared/inline-protocol.ts';
import { testContext } from '../support/background-context.ts';
import { fakeBrowser, grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const prettyPermalinks = '/%year%/%monthnum%/%postname%/';
const posts: number[] = [];
const comments: number[] = [];

beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});
afterAll(async () => {
  await setOptions(site, { permalink_structure: prettyPermalinks });
  for (const id of comments) await admin.remove(id);
  for (const id of posts) await admin.removePost(id);
});

const from = (url: string) => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: 5, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});
const detected = (postId: number) => ({
  type: 'pageDetected',
  page: { isWordPress: true, restRoot: null, postId, commentsInDom: true },
});

async function twoArticles() {
  const own = await admin.createPost({ title: 'Eigener Artikel' });
  const other = await admin.createPost({ title: 'Fremder Artikel' });
  posts.push(own, other);
  const ownComment = (await admin.createComment(own, { content: 'Auf dem eigenen Artikel' })).id;
  const otherComment = (await admin.createComment(other, { content: 'Auf dem fremden Artikel' })).id;
  comments.push(ownComment, otherComment);
  return { own, other, ownComment, otherComment, ownLink: await admin.postLink(own) };
}

async function connectedRoute() {
  const ctx = testContext();
  await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
  return { ctx, route: createRouter(ctx, contentHandlers, pageHandlers) };
}

describe('a tab is bound to the article its URL shows', () => {
  it('pretty permalinks: naming another article binds nothing; the article’s comment page is the article', async () => {
    const { own, other, ownComment, otherComment, ownLink } = await twoArticles();
    const { ctx, route } = await connectedRoute();
    const page = from(ownLink);
    expect(await route(detected(other), page)).toEqual({ ok: true, value: { connected: true } });
    expect((await tabPage(ctx, 5))?.postId).toBeNull();
    for (const message of [
      { type: 'inlineState', includeSpam: false },
      { type: 'commenterDetails', commentId: otherComment },
      { type: 'decideInline', commentIds: [otherComment], decision: 'approve' },
    ]) {
      expect(await route(message, page)).toMatchObject({ ok: false, error: { code: 'not_an_article' } });
    }
    expect(await admin.read(otherComment)).toMatchObject({ status: 'hold' });

    const commentPage = from(`${ownLink}comment-page-2/#comments`);
    await route(detected(own), commentPage);
    expect(await tabPage(ctx, 5)).toMatchObject({ postId: own, link: ownLink });
    const state = (await route({ type: 'inlineState', includeSpam: false }, commentPage)) as {
      ok: true;
      value: InlineState;
    };
    expect(state.value.comments.map((comment) => comment.id)).toContain(ownComment);
    expect(state.value.comments.map((comment) => comment.id)).not.toContain(otherComment);
  });

  it('plain permalinks: ?p=N with ?cpage= is the article, ?p= of another is not', async () => {
    // Arranged first: the test helpers speak to /wp-json/, which plain permalinks do not route.
    const { own, other } = await twoArticles();
    await setOptions(site, { permalink_structure: '' });
    try {
      const ownLink = `${wp.url}/?p=${own}`;
      const { ctx, route } = await connectedRoute();
      await route(detected(other), from(`${ownLink}&cpage=2`));
      expect((await tabPage(ctx, 5))?.postId).toBeNull();
      await route(detected(own), from(`${ownLink}&cpage=2#comments`));
      // The link read from WordPress under plain permalinks is ?p=N.
      expect(await tabPage(ctx, 5)).toMatchObject({ postId: own, link: ownLink });
    } finally {
      await setOptions(site, { permalink_structure: prettyPermalinks });
    }
  });
});
