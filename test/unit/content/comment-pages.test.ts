/** Which comment page a permalink names, which page is in front of the user, and which links are safe. */
import { describe, expect, it } from 'vitest';
import { commentPageIn, currentCommentPage, pageOfLink, safeHref } from '../../../src/content/inline/comment-pages.ts';

const post = 'https://blog.example/2026/12/paged-probe/';

describe('comment pages', () => {
  it('reads the page from pretty permalinks and from ?cpage=', () => {
    expect(commentPageIn(`${post}comment-page-2/#comment-45`)).toBe(2);
    expect(commentPageIn(`${post}comment-page-12/`)).toBe(12);
    expect(commentPageIn('https://blog.example/?p=8&cpage=3#comment-45')).toBe(3);
    expect(commentPageIn(`${post}#comment-45`)).toBeNull();
    expect(commentPageIn('https://blog.example/comment-page-two/')).toBeNull();
    expect(commentPageIn('not a url')).toBeNull();
    // A permalink without a page is on page 1 (the oldest comments, or comments are not paged).
    expect(pageOfLink(`${post}#comment-45`)).toBe(1);
  });

  it('the page in front of the user is what the permalinks of the comments shown say, else the address', () => {
    // Newest first: the bare address shows the last page, and says nothing itself.
    expect(currentCommentPage(post, [`${post}comment-page-3/#comment-54`, `${post}comment-page-3/#comment-55`])).toBe(
      3,
    );
    expect(currentCommentPage(`${post}comment-page-2/`, [])).toBe(2);
    expect(currentCommentPage(post, [])).toBeNull();
    // Oldest first, page 1: permalinks without a page.
    expect(currentCommentPage(post, [`${post}#comment-34`])).toBe(1);
    // A stray link (a comment moved since it was cached) is outvoted.
    expect(
      currentCommentPage(post, [
        `${post}comment-page-2/#comment-1`,
        `${post}comment-page-3/#comment-2`,
        `${post}comment-page-3/#comment-3`,
      ]),
    ).toBe(3);
  });

  it('links go only to http(s) on the page’s own site', () => {
    expect(safeHref(`${post}comment-page-2/#comment-45`, post)).toBe(`${post}comment-page-2/#comment-45`);
    expect(safeHref('javascript:alert(1)', post)).toBeNull();
    expect(safeHref('https://evil.example/comment-page-2/', post)).toBeNull();
    expect(safeHref(null, post)).toBeNull();
  });
});
