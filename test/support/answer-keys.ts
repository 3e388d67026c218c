/**
 * The answer keys beside the fixture pages (test/fixtures/pages/<family>/<name>.expected.json next to
 * <name>.html): what detectPage must find there. Read by the unit test in jsdom and by the bench in
 * Chromium, so both hold the detector to the same keys.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const fixturePagesDir = 'test/fixtures/pages';

export interface AnswerKey {
  url: string;
  isWordPress: boolean;
  restRoot: string | null;
  postId: number | null;
  commentsInDom: boolean | null;
  replyForm: boolean;
  article: boolean;
  comments: { id: number | null; parentId: number; type: string; author: string; pending: boolean }[];
  /** free text for the reader (which template the page follows, its traps); not compared */
  note?: string;
}

/** Every answer key below `dir`, found by walking it: a new fixture directory needs no registration. */
export function answerKeys(dir: string = fixturePagesDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return answerKeys(path);
    return entry.name.endsWith('.expected.json') ? [path] : [];
  });
}
