/**
 * Bulk jobs in the real popup (the built extension in Chromium, connected to the real WordPress):
 * the sheet — a lazily loaded chunk under the extension's CSP — opens with `b` and asks the
 * background for the server's count; finished jobs' reports, read from the jobs table as the
 * engine leaves them, show done/skipped/failed by WordPress's reason and Undo where possible.
 * Screenshots: test-results/screenshots/jobs-*.png.
 *
 * And a real job started from the popup: the sheet's count is WordPress's, the strip follows the
 * job to its report, Undo takes it back — every comment checked on the server.
 */
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
} from '../../scripts/extension-browser.ts';
import { addComments } from '../../scripts/wp/index.ts';
import type { JobRow } from '../../src/shared/db/index.ts';
import { commentTotal, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { openSheetForPost } from './support/popup-jobs.ts';
import { openPopupPage } from './support/popup-page.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const siteId = `${wp.url}/wp-json/`;
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
  await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
});
afterAll(async () => {
  await browser?.close();
});

/** Job rows as the engine leaves them (finished ones only: no engine acts on those). */
function writeJobs(worker: Worker, jobs: JobRow[]): Promise<void> {
  return worker.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('freigabe');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction('jobs', 'readwrite');
      for (const row of rows) transaction.objectStore('jobs').put(row);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }, jobs);
}

const finished = (overrides: Partial<JobRow>): JobRow => ({
  siteId,
  filter: { status: 'hold', type: 'all', search: 'casino' },
  action: 'trash',
  state: 'done',
  waitingUntil: null,
  waitReason: null,
  progress: { total: 12_408, done: 12_391, skipped: 14, failed: 3, activeMs: 240_000 },
  failures: [],
  route: 'rest',
  createdAt: Date.now() - 300_000,
  updatedAt: Date.now(),
  finishedAt: Date.now(),
  undoOf: null,
  undoneBy: null,
  cursor: null,
  ...overrides,
});

describe('bulk jobs in the popup', () => {
  it('b opens the sheet (a chunk of its own) and asks the background for the server’s count', async () => {
    const popup = await openPopupPage(browser);
    await popup.keyboard.press('b');
    await popup.waitForSelector('[role="dialog"].job-sheet');
    expect(await popup.getAttribute('[role="dialog"]', 'aria-label')).toBe('Everything matching on the server');
    // The server's count for the pending view (the engine answers; nothing was synced for it).
    await popup.waitForSelector('.job-sheet .job-count[data-total]');
    expect(await popup.$('.job-sheet .job-problem')).toBeNull();
    expect(
      await popup.$$eval('.job-sheet [data-job-action]', (buttons) =>
        buttons.map((b) => b.getAttribute('data-job-action')),
      ),
    ).toEqual(['approve', 'spam', 'trash']);
    await screenshot(popup, 'jobs-sheet');
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('[role="dialog"]', { state: 'detached' });
    await popup.close();
  });

  it('shows finished jobs’ reports from the jobs table, Undo only where WordPress can reverse it', async () => {
    await writeJobs(browser.worker, [
      finished({
        id: 900_001,
        failures: [
          { commentId: 501, code: 'rest_comment_invalid_id', message: 'Invalid comment ID.' },
          { commentId: 502, code: 'rest_comment_invalid_id', message: 'Invalid comment ID.' },
          { commentId: 503, code: 'rest_cannot_edit', message: 'Sorry, you are not allowed to edit this comment.' },
        ],
      }),
      finished({
        id: 900_002,
        action: 'delete',
        filter: { status: 'spam', type: 'all' },
        progress: { total: 4_210, done: 4_210, skipped: 0, failed: 0, activeMs: 60_000 },
        createdAt: Date.now() - 200_000,
      }),
    ]);
    const popup = await openPopupPage(browser);
    await popup.waitForSelector('.jobs [data-job-id="900001"]');
    expect(await popup.textContent('[data-job-id="900001"] .job-heading')).toBe(
      'Trash: 12,408 comments on Freigabe Demo',
    );
    expect(
      await popup.$$eval('[data-job-id="900001"] .job-failures li', (items) => items.map((item) => item.textContent)),
    ).toEqual([
      '2 × Invalid comment ID. (rest_comment_invalid_id)',
      '1 × Sorry, you are not allowed to edit this comment. (rest_cannot_edit)',
    ]);
    expect(
      await popup.$$eval('[data-job-id="900001"] [data-job-control]', (b) =>
        b.map((x) => x.getAttribute('data-job-control')),
      ),
    ).toEqual(['undo', 'dismiss']);
    expect(
      await popup.$$eval('[data-job-id="900002"] [data-job-control]', (b) =>
        b.map((x) => x.getAttribute('data-job-control')),
      ),
    ).toEqual(['dismiss']);
    await screenshot(popup, 'jobs-report');
    await popup.click('[data-job-id="900002"] [data-job-control="dismiss"]');
    await popup.waitForSelector('[data-job-id="900002"]', { state: 'detached' });
    await popup.click('[data-job-id="900001"] [data-job-control="dismiss"]');
    await popup.waitForSelector('.jobs', { state: 'detached' });
    await popup.close();
  });

  it('starts a job from the sheet on the real WordPress, follows it to its report, and undoes it', async () => {
    const popup = await openPopupPage(browser);

    const marker = `jobflut${Math.random().toString(36).slice(2, 7)}`;
    const post = await admin.createPost({ title: `E2E-Jobs ${marker}` });
    const count = Number(process.env.FREIGABE_E2E_POPUP_JOB_SIZE ?? 60);
    const added = await addComments({ url: wp.url, dir: inject('wpDir') }, post, count);
    const ids = Array.from({ length: count }, (_, index) => added.first + index);
    const pendingOnPost = () => commentTotal(wp, user(wp, 'admin'), { post: String(post), status: 'hold' });
    const trashedOnPost = () => commentTotal(wp, user(wp, 'admin'), { post: String(post), status: 'trash' });
    expect(await pendingOnPost()).toBe(count);

    await openSheetForPost(popup, siteId, post, count);
    expect(await popup.$$eval('.job-sheet .job-preview-row', (rows) => rows.length)).toBeGreaterThan(0);
    await screenshot(popup, 'jobs-sheet-count');
    // Nothing has happened yet.
    expect(await pendingOnPost()).toBe(count);

    // Long tasks in the popup while the job runs: a figure for the report (the machine is shared, so not asserted).
    await popup.evaluate(() => {
      const durations: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = durations;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
    await popup.click('.job-sheet [data-job-action="trash"]');
    await popup.waitForSelector('[role="dialog"]', { state: 'detached' });
    await popup.waitForSelector('.jobs .job');
    await screenshot(popup, 'jobs-progress');
    await popup.waitForSelector('.jobs .job[data-state="done"]', { timeout: 540_000 });
    const longTasks = await popup.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(
      `popup long tasks during a ${count}-comment job: ${longTasks.length} (${JSON.stringify(longTasks)} ms)`,
    );
    expect(await popup.textContent('.jobs .job[data-state="done"] [data-report="done"]')).toBe(
      `${count.toLocaleString('en-US')} done`,
    );
    await screenshot(popup, 'jobs-report-real');
    expect(await trashedOnPost()).toBe(count);
    expect(await pendingOnPost()).toBe(0);

    await popup.click('.jobs .job[data-state="done"] [data-job-control="undo"]');
    await expect.poll(pendingOnPost, { timeout: 540_000, interval: 500 }).toBe(count);
    expect(await trashedOnPost()).toBe(0);
    for (const id of ids.slice(0, 3)) expect((await admin.read(id)).status).toBe('hold');
    await popup.close();
  }, 600_000);
});
