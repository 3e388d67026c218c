import { describe, expect, it } from 'vitest';
import { demoPosts } from '../../../scripts/wp/demo-content.ts';
import {
  firstTimeSignal,
  isFirstTime,
  isImportedTweet,
  linkCount,
  wantsFirstTimeSignal,
} from '../../../src/shared/signals.ts';

const demoComments = demoPosts.flatMap((post) => post.comments);
const demo = (key: string) => {
  const comment = demoComments.find((candidate) => candidate.key === key);
  if (!comment) throw new Error(`no demo comment ${key}`);
  return comment;
};
/** A demo comment as the cache holds it (`CommentRow` names), with its plain text. */
const asCached = (key: string) => {
  const comment = demo(key);
  return {
    authorUrl: comment.url ?? '',
    authorEmail: comment.email,
    authorUserAgent: comment.userAgent,
    text: comment.content.replace(/<[^>]*>/g, ''),
  };
};

describe('linkCount', () => {
  it('counts the links of the demo comments', () => {
    expect(linkCount(demo('lena').content)).toBe(1);
    expect(linkCount(demo('spam-casino').content)).toBe(2);
    expect(linkCount(demo('spam-seo').content)).toBe(1);
    expect(linkCount(demo('peter').content)).toBe(0);
    expect(linkCount(demo('trackback-kommblog').content)).toBe(0);
  });

  it('counts every <a> with an href, like WordPress, whatever the case, spacing or target', () => {
    expect(
      linkCount('<A HREF="https://a.example">a</A> <a\nclass="x" href=\'javascript:x\'>b</a> <a\thref=c>c</a>'),
    ).toBe(3);
  });

  it('does not count anchors without href, other tags, or URLs in text', () => {
    expect(linkCount('<a name="top">x</a> <abbr href="x">y</abbr> <area href="x"> https://example.org <a>z</a>')).toBe(
      0,
    );
    expect(linkCount('<a title="x">no</a><p href="x">p</p>')).toBe(0);
    expect(linkCount('')).toBe(0);
  });

  it('counts a tag cut off at the end of the text', () => {
    expect(linkCount('Text <a href="https://example.org/')).toBe(1);
  });

  it('stays linear on hostile input', () => {
    const hostile = [`${'<a '.repeat(30_000)}`, `${'<a '.repeat(30_000)}>`, `${'<a href '.repeat(15_000)}`];
    const started = performance.now();
    expect(hostile.map(linkCount)).toEqual([0, 0, 15_000]);
    // A guard against quadratic scanning, not a benchmark: far above the linear time, far below the quadratic.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('isImportedTweet', () => {
  it('recognizes the demo RT storm and the imported original tweet', () => {
    for (const key of ['rt-hanna', 'rt-oliver', 'rt-nadine', 'rt-markus', 'rt-svenja', 'rt-kompetenz', 'socialdach']) {
      expect(isImportedTweet(asCached(key)), key).toBe(true);
    }
  });

  it('recognizes a retweet pasted by hand (by its text alone)', () => {
    expect(isImportedTweet(asCached('rt-manual'))).toBe(true);
  });

  it('does not claim the real comments, pings or spam of the demo', () => {
    const imported = new Set([
      'rt-hanna',
      'rt-oliver',
      'rt-nadine',
      'rt-markus',
      'rt-svenja',
      'rt-kompetenz',
      'socialdach',
      'rt-manual',
    ]);
    const others = demoComments.filter((comment) => !imported.has(comment.key));
    expect(others.length).toBeGreaterThan(15);
    for (const comment of others) expect(isImportedTweet(asCached(comment.key)), comment.key).toBe(false);
  });

  it.each([
    ['the importer user agent alone', { authorUrl: '', authorUserAgent: 'Twitter Mentions as Comments' }],
    ['an …@twitter.com address alone', { authorUrl: '', authorEmail: 'SomeOne@Twitter.com' }],
    ['an x.com profile', { authorUrl: 'https://x.com/someone' }],
    ['a t.co link', { authorUrl: 'https://t.co/AbC' }],
    ['a Bluesky post', { authorUrl: 'https://bsky.app/profile/a.bsky.social/post/3k' }],
    ['a Bridgy backfeed', { authorUrl: 'https://brid.gy/comment/mastodon/@a@b.example/1/2' }],
    ['a status on any Mastodon instance', { authorUrl: 'https://social.example.de/@anna/112233445566' }],
    ['a profile on a known Mastodon instance', { authorUrl: 'https://mastodon.social/@anna' }],
    ['a www. host', { authorUrl: 'https://www.twitter.com/anna' }],
  ])('recognizes %s', (_, comment) => {
    expect(isImportedTweet(comment)).toBe(true);
  });

  it.each([
    ['a blog URL', { authorUrl: 'https://wendt-kommunikation.example/', text: 'Treffend beschrieben.' }],
    ['a Medium profile (a blog, not a mention)', { authorUrl: 'https://medium.com/@anna' }],
    ['a host that only ends like one', { authorUrl: 'https://notx.com/a', authorEmail: 'a@nottwitter.com' }],
    ['a URL that only mentions twitter', { authorUrl: 'https://example.org/twitter.com/status/1' }],
    ['"RT" inside a text', { authorUrl: '', text: 'Ich habe @anna ein RT @bob geschickt' }],
    ['no URL at all', { authorUrl: '', authorEmail: null, authorUserAgent: null }],
    ['a broken URL', { authorUrl: 'http://' }],
    ['a non-web URL', { authorUrl: 'javascript://twitter.com/%0aalert(1)' }],
  ])('does not claim %s', (_, comment) => {
    expect(isImportedTweet(comment)).toBe(false);
  });
});

describe('isFirstTime', () => {
  const row = (key: string, approved: number, spam = 0, trashed = 0) => ({ key, approved, spam, trashed });

  it('is true for a commenter nothing is known about', () => {
    expect(isFirstTime([])).toBe(true);
    expect(isFirstTime([row('email:neu@example.org', 0), row('ip:198.51.100.1', 0)])).toBe(true);
  });

  it('is false once anything was decided about their email, host or IP', () => {
    expect(isFirstTime([row('email:jonas.wendt@example.org', 2)])).toBe(false);
    expect(isFirstTime([row('email:neu@example.org', 0), row('ip:203.0.113.200', 0, 3)])).toBe(false);
    expect(isFirstTime([row('host:wendt-kommunikation.example', 0, 0, 1)])).toBe(false);
  });

  it('ignores the host of a social network, which thousands of people share', () => {
    expect(isFirstTime([row('host:twitter.com', 40, 5), row('email:hannakrause@twitter.com', 0)])).toBe(true);
    expect(isFirstTime([row('host:twitter.com', 40), row('email:hannakrause@twitter.com', 1)])).toBe(false);
  });
});

describe('firstTimeSignal', () => {
  const row = (key: string, approved: number, spam = 0, trashed = 0) => ({ key, approved, spam, trashed });
  const pending = { status: 'hold', type: 'comment' };
  const unknown = [row('email:neu@example.org', 0)];

  it('is confirmed only when WordPress counted no approved comment from the address', () => {
    expect(firstTimeSignal({ comment: pending, reputation: unknown, serverApproved: 0 })).toBe('first-comment');
    expect(firstTimeSignal({ comment: pending, reputation: [], serverApproved: 0 })).toBe('first-comment');
  });

  it('is nothing for a regular WordPress knows, though nothing was decided about them here', () => {
    expect(firstTimeSignal({ comment: pending, reputation: unknown, serverApproved: 1 })).toBeNull();
    expect(firstTimeSignal({ comment: pending, reputation: [], serverApproved: 50 })).toBeNull();
  });

  it('claims only what was seen here when WordPress was not asked (authors, no address, offline)', () => {
    expect(firstTimeSignal({ comment: pending, reputation: unknown, serverApproved: null })).toBe('first-seen');
  });

  it('is nothing once something was decided here about their address, website or IP, whatever WordPress said', () => {
    for (const serverApproved of [0, null, 3]) {
      expect(
        firstTimeSignal({ comment: pending, reputation: [row('ip:203.0.113.9', 0, 2)], serverApproved }),
      ).toBeNull();
      expect(
        firstTimeSignal({ comment: pending, reputation: [row('email:neu@example.org', 1)], serverApproved }),
      ).toBeNull();
    }
    // A social network's host says nothing about one person.
    expect(firstTimeSignal({ comment: pending, reputation: [row('host:twitter.com', 40)], serverApproved: 0 })).toBe(
      'first-comment',
    );
  });

  it('is shown only on pending comments by people', () => {
    for (const status of ['approved', 'spam', 'trash']) {
      expect(firstTimeSignal({ comment: { status, type: 'comment' }, reputation: [], serverApproved: 0 })).toBeNull();
    }
    for (const type of ['pingback', 'trackback']) {
      expect(wantsFirstTimeSignal({ status: 'hold', type })).toBe(false);
      expect(firstTimeSignal({ comment: { status: 'hold', type }, reputation: [], serverApproved: null })).toBeNull();
    }
    expect(wantsFirstTimeSignal(pending)).toBe(true);
  });
});
