/**
 * Every fixture page under test/fixtures/pages/ through detectPage against the answer key beside it
 * (<name>.html + <name>.expected.json): each family must find its own comments, and the negatives
 * must not be claimed. New fixture directories are picked up without touching this file.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/content/detect/index.ts';
import { type AnswerKey, answerKeys, fixturePagesDir } from '../../support/answer-keys.ts';

const root = resolve(fixturePagesDir);

const keys = answerKeys(root).sort();

describe('detectPage on every fixture page', () => {
  it('has fixtures for the core families and the negatives', () => {
    const dirs = new Set(keys.map((key) => relative(root, key).split('/')[0]));
    for (const family of ['twentyten', 'twentytwelve', 'twentytwenty', 'twentytwentyone', 'negatives']) {
      expect(dirs).toContain(family);
    }
  });

  for (const keyPath of keys) {
    const name = relative(root, keyPath).replace(/\.expected\.json$/, '');
    it(name, () => {
      const { note: _note, ...key } = JSON.parse(readFileSync(keyPath, 'utf8')) as AnswerKey;
      const html = readFileSync(keyPath.replace(/\.expected\.json$/, '.html'), 'utf8');
      const doc = new JSDOM(html, { url: key.url }).window.document;
      const page = detectPage(doc, new URL(key.url));
      expect({
        url: key.url,
        isWordPress: page.isWordPress,
        restRoot: page.restRoot,
        postId: page.postId,
        commentsInDom: page.commentsInDom,
        replyForm: page.replyForm !== null,
        article: page.article !== null,
        comments: page.comments.map(({ id, parentId, type, author, pending }) => ({
          id,
          parentId,
          type,
          author,
          pending,
        })),
      }).toEqual(key);
      // Each reported element is the comment's own root: distinct, and in document order.
      const elements = page.comments.map((comment) => comment.element);
      expect(new Set(elements).size).toBe(elements.length);
      for (let i = 1; i < elements.length; i++) {
        const previous = elements[i - 1];
        const current = elements[i];
        if (previous && current) expect(previous.compareDocumentPosition(current) & 4).toBe(4);
      }
    });
  }
});
