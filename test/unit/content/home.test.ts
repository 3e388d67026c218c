/**
 * Where a comment the theme does not show belongs, on an article with 25 top-level comments, 10 per
 * comment page (pages counted from the oldest; the newest first, so the article opens on page 3):
 * under its parent when the parent is here, on the parent's page otherwise (WordPress's own
 * permalink says which), beside a parent at the depth limit, after a pending parent's card, and
 * with threading off on the page its date puts it (WordPress's own links are wrong there).
 */
import { describe, expect, it } from 'vitest';
import { elsewhereByPage, homesOf, type PageView } from '../../../src/content/inline/home.ts';
import type { InlineComment } from '../../../src/shared/inline-protocol.ts';

const post = 'https://blog.example/2026/12/debatte/';
const minute = 60_000;

function comment(id: number, fields: Partial<InlineComment> & { page?: number; at?: number } = {}): InlineComment {
  const { page, at, ...rest } = fields;
  return {
    id,
    parent: 0,
    type: 'comment',
    status: 'approved',
    authorName: `Leser ${id}`,
    authorUrl: '',
    date: (at ?? id) * minute,
    link: `${post}${page === undefined ? '' : `comment-page-${page}/`}#comment-${id}`,
    contentHtml: '',
    contentRaw: null,
    decision: null,
    drafts: {},
    ...rest,
  };
}

/** 25 top-level comments (1–25) and a reply (30, to 3): pages 1–10, 11–20, 21–25. */
const approved = [
  ...Array.from({ length: 25 }, (_, index) => comment(index + 1, { page: Math.floor(index / 10) + 1 })),
  comment(30, { parent: 3, page: 1, at: 12.5 }),
];

const pending = [
  comment(40, { parent: 13, status: 'hold', page: 2, at: 40 }),
  comment(41, { parent: 3, status: 'hold', page: 1, at: 41 }),
  comment(42, { status: 'hold', page: 3, at: 42 }),
  comment(43, { parent: 40, status: 'hold', page: 2, at: 43 }),
  comment(44, { parent: 99, status: 'hold', page: 3, at: 44 }),
];

function view(shown: number[], currentPage: number | null, extra: Partial<PageView> = {}): PageView {
  return {
    threaded: true,
    atDepthLimit: new Set(),
    shown: new Set(shown),
    currentPage,
    cached: new Map([...approved, ...pending].map((c) => [c.id, c])),
    ...extra,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('homes on a paged, threaded article', () => {
  it('the last page (where the article opens, newest first): the new top-level comment, not the replies to older pages', () => {
    const homes = homesOf(pending, view(range(21, 25), 3));
    expect(homes.get(42)).toEqual({ where: 'list', replyTo: null });
    expect(homes.get(40)).toEqual({ where: 'elsewhere', page: 2, link: `${post}comment-page-2/#comment-40` });
    expect(homes.get(41)).toMatchObject({ where: 'elsewhere', page: 1 });
    // A reply to a pending reply goes where that one goes.
    expect(homes.get(43)).toMatchObject({ where: 'elsewhere', page: 2 });
    // Its parent is nowhere to be found: shown, and said so.
    expect(homes.get(44)).toEqual({
      where: 'list',
      replyTo: { parentId: 99, author: '', link: null, page: null },
    });
    expect(elsewhereByPage(homes)).toEqual([
      { page: 1, count: 1, link: `${post}comment-page-1/#comment-41` },
      { page: 2, count: 2, link: `${post}comment-page-2/#comment-40` },
    ]);
  });

  it('page 2: the reply under its parent, the reply to it after its card; not the new top-level comment', () => {
    const homes = homesOf(pending, view(range(11, 20), 2));
    expect(homes.get(40)).toEqual({ where: 'under', parentId: 13 });
    expect(homes.get(43)).toEqual({
      where: 'afterCard',
      parentId: 40,
      replyTo: { parentId: 40, author: 'Leser 40', link: `${post}comment-page-2/#comment-40`, page: null },
    });
    expect(homes.get(42)).toMatchObject({ where: 'elsewhere', page: 3 });
    expect(homes.get(41)).toMatchObject({ where: 'elsewhere', page: 1 });
  });

  it('a reply whose parent is at the depth limit goes beside it', () => {
    const deep = comment(45, { parent: 30, status: 'hold', page: 1, at: 45 });
    const homes = homesOf([deep], view([...range(1, 10), 30], 1, { atDepthLimit: new Set([30]) }));
    expect(homes.get(45)).toEqual({
      where: 'beside',
      parentId: 30,
      replyTo: { parentId: 30, author: 'Leser 30', link: `${post}comment-page-1/#comment-30`, page: null },
    });
  });

  it('the parent shown here wins over a permalink that names another page (cached before a change)', () => {
    const stale = comment(46, { parent: 13, status: 'hold', page: 3, at: 46 });
    expect(homesOf([stale], view(range(11, 20), 2)).get(46)).toEqual({ where: 'under', parentId: 13 });
  });

  it('a page that cannot tell which page it is (nothing cached shown, no page in the address) shows everything', () => {
    const homes = homesOf(pending, view([], null));
    for (const home of homes.values()) expect(home.where).not.toBe('elsewhere');
  });

  it('a parent on another page is named with its page when the reply is shown here anyway', () => {
    // WordPress put the reply here (its permalink says page 3) but its parent is on page 1.
    const odd = comment(47, { parent: 5, status: 'hold', page: 3, at: 47 });
    expect(homesOf([odd], view(range(21, 25), 3)).get(47)).toEqual({
      where: 'list',
      replyTo: { parentId: 5, author: 'Leser 5', link: `${post}comment-page-1/#comment-5`, page: 1 },
    });
  });
});

describe('homes with threading off (flat, paged by date)', () => {
  // Flat pages of 10 by date: 1–10 | 11, 12, 30, 13–19 | 20–25 (the reply 30 counts too).
  const flat = (shown: number[]) => view(shown, null, { threaded: false });
  const lateReply = comment(48, { parent: 12, status: 'hold', at: 19.5 });
  const earlyReply = comment(49, { parent: 13, status: 'hold', at: 13.5 });
  const newest = comment(50, { status: 'hold', at: 50 });

  it('a reply goes to the page its date puts it on, flat, saying what it answers', () => {
    const page3 = homesOf([lateReply, earlyReply, newest], flat(range(20, 25)));
    expect(page3.get(48)).toEqual({
      where: 'list',
      replyTo: { parentId: 12, author: 'Leser 12', link: `${post}comment-page-2/#comment-12`, page: null },
    });
    expect(page3.get(50)).toEqual({ where: 'list', replyTo: null });
    expect(page3.get(49)).toEqual({ where: 'elsewhere', page: null, link: null });

    const page2 = homesOf([lateReply, earlyReply, newest], flat([11, 12, 30, ...range(13, 19)]));
    // Its parent is here, but by date it comes after this page's last comment: page 3.
    expect(page2.get(48)).toEqual({ where: 'elsewhere', page: null, link: null });
    expect(page2.get(49)).toMatchObject({ where: 'list', replyTo: { parentId: 13, author: 'Leser 13' } });
    expect(page2.get(50)).toMatchObject({ where: 'elsewhere' });
  });

  it('the first page takes what is older than everything', () => {
    const ancient = comment(51, { status: 'hold', at: 0.5 });
    expect(homesOf([ancient], flat(range(1, 10))).get(51)).toEqual({ where: 'list', replyTo: null });
    expect(homesOf([ancient], flat(range(20, 25))).get(51)).toMatchObject({ where: 'elsewhere' });
  });
});
