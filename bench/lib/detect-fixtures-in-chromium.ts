/**
 * Every fixture page of test/fixtures/pages/ through the bundled detector in Chromium, against its
 * answer key: the unit tests run the same keys in jsdom, this proves the browser agrees.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Page } from 'playwright-core';
import { type AnswerKey, answerKeys, fixturePagesDir } from '../../test/support/answer-keys.ts';

const root = fixturePagesDir;

/** What the answer key compares, as a string, from a page model. */
function summary(model: Omit<AnswerKey, 'url' | 'note'>): string {
  const { isWordPress, restRoot, postId, commentsInDom, replyForm, article, comments } = model;
  return JSON.stringify({
    isWordPress,
    restRoot,
    postId,
    commentsInDom,
    replyForm,
    article,
    comments: comments.map(({ id, parentId, type, author, pending }) => ({ id, parentId, type, author, pending })),
  });
}

/** The fixtures whose detection in Chromium differs from their answer key (empty when all agree). */
export async function fixturesInChromium(page: Page, bundle: string): Promise<{ total: number; differing: string[] }> {
  const keys = answerKeys(root).sort();
  const differing: string[] = [];
  for (const keyPath of keys) {
    const key = JSON.parse(readFileSync(keyPath, 'utf8'));
    await page.setContent(readFileSync(keyPath.replace(/\.expected\.json$/, '.html'), 'utf8'), { waitUntil: 'load' });
    await page.addScriptTag({ content: bundle });
    const found = await page.evaluate((url) => {
      const detect = (globalThis as unknown as { FreigabeDetect: typeof import('../../src/content/detect/index.ts') })
        .FreigabeDetect;
      const model = detect.detectPage(document, new URL(url));
      return { ...model, replyForm: model.replyForm !== null, article: model.article !== null };
    }, key.url as string);
    if (summary(found) !== summary(key)) differing.push(relative(root, keyPath));
  }
  return { total: keys.length, differing };
}
