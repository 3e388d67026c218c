/**
 * Bulk jobs through the real popup in Chromium, as a user starts and steers them: the popup in a
 * tab, a job started from the sheet (`b`) for one post's comments, the job's row as the engine
 * leaves it, and whether the engine is working right now (its Web Lock, `freigabe-jobs`).
 */
import type { Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { readStore } from '../../../scripts/extension-browser.ts';
import type { JobRow } from '../../../src/shared/db/index.ts';
import type { JobAction } from '../../../src/shared/jobs.ts';
import { showPost } from './popup-page.ts';

/**
 * Syncs, picks the post in the queue's filter, opens the sheet with `b` and checks that its count
 * is WordPress's.
 */
export async function openSheetForPost(popup: Page, siteId: string, post: number, count: number): Promise<void> {
  await showPost(popup, siteId, post);
  await popup.focus('.queue');
  await popup.keyboard.press('b');
  await popup.waitForSelector('.job-sheet .job-count[data-total]');
  expect(await popup.getAttribute('.job-sheet .job-count', 'data-total')).toBe(String(count));
}

/** The sheet opened for the post's comments, then the action's button pressed. */
export async function startJobFromSheet(
  popup: Page,
  siteId: string,
  post: number,
  action: JobAction,
  count: number,
): Promise<void> {
  await openSheetForPost(popup, siteId, post, count);
  await popup.click(`.job-sheet [data-job-action="${action}"]`);
  await popup.waitForSelector('[role="dialog"]', { state: 'detached' });
}

/** The newest job's row, as the engine left it. */
export async function newestJob(worker: Worker): Promise<JobRow> {
  const jobs = await readStore<JobRow>(worker, 'jobs');
  const newest = jobs.sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
  if (!newest) throw new Error('no job in the extension’s database');
  return newest;
}

/** Whether a job runner holds the engine's lock: a chunk may be on the wire. */
export function engineBusy(worker: Worker): Promise<boolean> {
  return worker.evaluate(async () => {
    const { held = [] } = await navigator.locks.query();
    return held.some((lock) => lock.name === 'freigabe-jobs');
  });
}
