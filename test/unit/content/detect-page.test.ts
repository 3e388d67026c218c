/**
 * What kind of page it is: WordPress or not, REST root, post id, comment section. The classic and
 * block theme pages are real output of the demo WordPress (Twenty Twenty-One, Twenty Twenty-Three);
 * detect-fixtures.test.ts compares every comment of every fixture page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectPage, type PageModel } from '../../../src/content/detect/index.ts';

type PageKind = Pick<PageModel, 'isWordPress' | 'restRoot' | 'postId' | 'commentsInDom'> & { comments: number };

const pages: { file: string; url: string; expected: PageKind }[] = [
  {
    file: 'twentytwentyone/demo-single.html',
    url: 'https://blog.example/2026/11/social-media-management-mehr-als-pr/',
    expected: {
      isWordPress: true,
      restRoot: 'https://blog.example/wp-json/',
      postId: 4,
      commentsInDom: true,
      comments: 12,
    },
  },
  {
    file: 'twentytwentythree/demo-single.html',
    url: 'https://blog.example/2026/11/social-media-management-mehr-als-pr/',
    expected: {
      isWordPress: true,
      restRoot: 'https://blog.example/wp-json/',
      postId: 4,
      commentsInDom: true,
      comments: 12,
    },
  },
  {
    file: 'twentytwentyone/demo-home.html',
    url: 'https://blog.example/',
    expected: {
      isWordPress: true,
      restRoot: 'https://blog.example/wp-json/',
      postId: null,
      commentsInDom: null,
      comments: 0,
    },
  },
  {
    file: 'twentytwentythree/demo-home.html',
    url: 'https://blog.example/',
    expected: {
      isWordPress: true,
      restRoot: 'https://blog.example/wp-json/',
      postId: null,
      commentsInDom: null,
      comments: 0,
    },
  },
  {
    file: 'negatives/not-wordpress-lookalike.html',
    url: 'https://static.example/2026/wegzug/',
    expected: { isWordPress: false, restRoot: null, postId: null, commentsInDom: null, comments: 0 },
  },
];

function load(file: string, url: string): Document {
  const html = readFileSync(resolve('test/fixtures/pages', file), 'utf8');
  return new JSDOM(html, { url }).window.document;
}

describe('detectPage', () => {
  for (const { file, url, expected } of pages) {
    it(`${file}: ${JSON.stringify(expected)}`, () => {
      const { isWordPress, restRoot, postId, commentsInDom, comments } = detectPage(load(file, url), new URL(url));
      expect({ isWordPress, restRoot, postId, commentsInDom, comments: comments.length }).toEqual(expected);
    });
  }

  it('takes the post id from the comment form when a singular page prints nothing else', () => {
    const doc = new JSDOM(
      '<html><head><meta name="generator" content="WordPress 6.5"></head><body class="singular"><form><input name="comment_post_ID" value="12"></form></body></html>',
    ).window.document;
    expect(detectPage(doc, new URL('https://blog.example/x/')).postId).toBe(12);
  });

  it('ignores a comment form on a page that is not singular (e.g. a widget on the home page)', () => {
    const doc = new JSDOM(
      '<html><head><meta name="generator" content="WordPress 6.5"></head><body class="home blog"><form><input name="comment_post_ID" value="12"></form></body></html>',
    ).window.document;
    expect(detectPage(doc, new URL('https://blog.example/')).postId).toBeNull();
  });

  it('accepts a rest_route root for sites without pretty permalinks', () => {
    const doc = new JSDOM(
      '<html><head><link rel="https://api.w.org/" href="https://blog.example/?rest_route=/"></head><body class="single postid-3"></body></html>',
    ).window.document;
    expect(detectPage(doc, new URL('https://blog.example/?p=3'))).toEqual({
      isWordPress: true,
      restRoot: 'https://blog.example/?rest_route=/',
      postId: 3,
      commentsInDom: null,
      comments: [],
      replyForm: null,
      article: null,
    });
  });
});
