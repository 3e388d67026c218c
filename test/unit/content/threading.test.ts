/**
 * How WordPress threads a page, read from real WordPress 7.1 output (test/fixtures/threading/: an
 * article with 25 top-level comments, 10 per page, a reply and a reply to the reply): Twenty
 * Twenty-One (classic walker) and Twenty Twenty-Five (block comment template), with threading off
 * and with a depth limit of 2.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectPage, threadShape } from '../../../src/content/detect/index.ts';

function shapeOf(name: string, url = 'https://blog.example/2026/12/paged-probe/') {
  const html = readFileSync(`test/fixtures/threading/${name}.html`, 'utf8');
  const doc = new JSDOM(html, { url }).window.document;
  const page = detectPage(doc, new URL(url));
  return { page, shape: threadShape(page.comments, page.replyForm) };
}

describe('threadShape on real WordPress pages', () => {
  it('threading off (classic and block theme): flat', () => {
    for (const name of ['tt1-flat-newest', 'tt5-flat-newest-desc']) {
      const { page, shape } = shapeOf(name);
      expect(page.comments.length, name).toBeGreaterThan(3);
      expect(shape, name).toEqual({ threaded: false, atDepthLimit: new Set() });
    }
  });

  it('depth limit 2 (classic and block theme): the comments at depth 2 are at the limit', () => {
    for (const name of ['tt1-depth2', 'tt5-depth2']) {
      const { shape } = shapeOf(name, 'https://blog.example/2026/12/paged-probe/comment-page-1/');
      expect(shape.threaded, name).toBe(true);
      // 59 replies to 36 (depth 2); 62 replies to 59 and is printed beside it.
      expect([...shape.atDepthLimit].sort(), name).toEqual([59, 62]);
    }
  });

  it('comments closed (no form, no Reply links) and nothing nested: not taken for threading off', () => {
    const { page } = shapeOf('tt1-flat-newest');
    expect(threadShape(page.comments, null)).toEqual({ threaded: true, atDepthLimit: new Set() });
  });

  it('the commenter’s own held comment and pingbacks (never a Reply link) are not at the limit', () => {
    const { page } = shapeOf('tt1-depth2', 'https://blog.example/2026/12/paged-probe/comment-page-1/');
    const held = page.comments.map((comment) => (comment.id === 37 ? { ...comment, pending: true } : comment));
    const first = held.find((comment) => comment.id === 37);
    for (const link of first?.element.querySelectorAll('.comment-reply-link') ?? []) link.remove();
    expect(threadShape(held, page.replyForm).atDepthLimit.has(37)).toBe(false);
  });
});
