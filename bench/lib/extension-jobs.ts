/**
 * Bulk jobs inside the real extension (the test build in dist/chrome-test) in Chromium, as the popup
 * starts them: `previewJob` (the count and the first rows), `startJob`, then the job's row in the
 * extension's IndexedDB until it is done. Meanwhile the popup is open in a tab and counts long tasks
 * (PerformanceObserver `longtask`), and the service worker's JavaScript heap is sampled through
 * DevTools (`Runtime.getHeapUsage`) every ~100 ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  readStore,
  writeSettings,
} from '../../scripts/extension-browser.ts';
import { serviceWorkerHeap } from '../../scripts/extension-worker.ts';
import type { DemoSiteUser } from '../../scripts/wp/index.ts';
import type { JobAction, JobFilter, JobProgress, JobRoute, JobState } from '../../src/shared/jobs.ts';
import type { JobPreview } from '../../src/shared/messages.ts';
import { type PopupHotspot, startPopupProfile } from './popup-profile.ts';

const extensionDir = 'dist/chrome-test';

export interface PreviewFigures extends JobPreview {
  /** from sending `previewJob` until the count and the first rows were answered */
  ms: number;
}

export interface JobFigures {
  /** from `startJob` until the job's row said done */
  ms: number;
  state: JobState;
  progress: JobProgress;
  route: JobRoute | null;
  /** the popup's long tasks over 100 ms while the job ran (their durations) */
  longTasksMs: number[];
  /** those of the popup's own opening, before the job started (not the job's doing) */
  openingLongTasksMs: number[];
  heapBeforeBytes: number;
  heapPeakBytes: number;
  heapSamples: number;
  /** how often the sampler found the worker gone (stopped and restarted by Chrome) */
  workerRestarts: number;
  failures: { commentId: number; code: string; message: string }[];
  /** REST route: the requests in flight as the job's bookmark said, sampled every ~50 ms */
  concurrency: number[];
  /** with `profile`: the popup's functions that took the most CPU while the job ran (self time) */
  popupHotspots: PopupHotspot[];
}

export interface JobBench {
  siteId: string;
  browser: ExtensionBrowser;
  /** null: this build's background has no job engine yet (it answers `not_available`) */
  preview(filter: JobFilter): Promise<PreviewFigures | null>;
  run(
    filter: JobFilter,
    action: JobAction,
    expectedTotal: number,
    options?: { timeoutMs?: number; profile?: boolean },
  ): Promise<JobFigures>;
  /** the extension's cached comments: all of them, and those cached as pending */
  cachedComments(): Promise<{ total: number; pending: number }>;
  close(): Promise<void>;
}

/** A job that stands still this long (no progress at all) is reported as stuck, not waited for. */
const stuckAfterMs = 120_000;

function ensureTestBuild(): void {
  if (existsSync(`${extensionDir}/manifest.json`)) return;
  const build = spawnSync('node_modules/.bin/tsx', ['scripts/build.ts', 'test'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the test extension failed:\n${build.stdout}${build.stderr}`);
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const ask = <T>(page: Page, message: unknown) =>
  page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply<T>>;

async function send<T>(page: Page, message: unknown): Promise<T> {
  const reply = await ask<T>(page, message);
  if (!reply.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)}: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

/** Samples the worker's heap until stopped; survives the worker being stopped and started again. */
function heapSampler(browser: ExtensionBrowser) {
  let running = true;
  let peak = 0;
  let samples = 0;
  let restarts = 0;
  const done = (async () => {
    while (running) {
      const heap = await serviceWorkerHeap(browser).catch(() => null);
      if (!heap) {
        restarts += 1;
        await new Promise((wait) => setTimeout(wait, 200));
        continue;
      }
      try {
        while (running) {
          peak = Math.max(peak, await heap.usedBytes());
          samples += 1;
          await new Promise((wait) => setTimeout(wait, 100));
        }
      } catch {
        restarts += 1;
      } finally {
        await heap.close().catch(() => undefined);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { peak, samples, restarts };
    },
  };
}

async function heapAfterGarbageCollection(browser: ExtensionBrowser): Promise<number> {
  const heap = await serviceWorkerHeap(browser);
  try {
    await heap.collectGarbage();
    return await heap.usedBytes();
  } finally {
    await heap.close();
  }
}

/** The popup in a tab, counting its long tasks over 100 ms from the first script on. */
async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 460, height: 600 });
  await popup.addInitScript(() => {
    const seen: { start: number; ms: number }[] = [];
    (globalThis as unknown as { freigabeLongTasks: typeof seen }).freigabeLongTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.duration > 100) seen.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  return popup;
}

interface JobRowSeen {
  id: number;
  state: JobState;
  progress: JobProgress;
  route: JobRoute | null;
  failures: { commentId: number; code: string; message: string }[];
  waitReason: string | null;
  cursor: unknown;
}

/** The in-flight count the engine keeps in its bookmark (src/background/jobs/cursor.ts), if it has one. */
function concurrencyOf(cursor: unknown): number | null {
  const value = (cursor as { concurrency?: unknown } | null)?.concurrency;
  return typeof value === 'number' ? value : null;
}

/** Chromium with the extension, connected to the site as `moderator`; no background sync in between. */
export async function startJobBench(siteUrl: string, moderator: DemoSiteUser): Promise<JobBench> {
  ensureTestBuild();
  const browser = await launchWithExtension({ extensionDir: resolve(extensionDir) });
  const options = await connectWithApplicationPassword(
    browser,
    siteUrl,
    moderator.login,
    moderator.applicationPassword,
  );
  const [site] = await readStore<{ id: string }>(browser.worker, 'sites');
  if (!site) throw new Error(`the extension did not connect: ${await options.textContent('.connect-result')}`);
  await writeSettings(options, { undoWindowSeconds: 0, syncIntervalMinutes: 60, notifyNewPending: false });
  await options.evaluate(() => chrome.alarms.create('freigabe:sync', { periodInMinutes: 60 }));
  return {
    siteId: site.id,
    browser,
    async preview(filter) {
      const started = performance.now();
      const reply = await ask<JobPreview>(options, { type: 'previewJob', siteId: site.id, filter });
      const ms = performance.now() - started;
      if (!reply.ok && reply.error.code === 'not_available') return null;
      if (!reply.ok) throw new Error(`previewJob: ${reply.error.code} ${reply.error.message}`);
      return { ...reply.value, ms };
    },
    async run(filter, action, expectedTotal, { timeoutMs = 3_600_000, profile = false } = {}) {
      const popup = await openPopup(browser);
      const profiler = profile ? await startPopupProfile(popup) : null;
      try {
        const heapBeforeBytes = await heapAfterGarbageCollection(browser);
        const sampler = heapSampler(browser);
        const started = performance.now();
        const jobStartInPopup = await popup.evaluate(() => performance.now());
        let row: JobRowSeen | undefined;
        let heap = { peak: 0, samples: 0, restarts: 0 };
        const concurrency: number[] = [];
        try {
          const { jobId } = await send<{ jobId: number }>(options, {
            type: 'startJob',
            siteId: site.id,
            filter,
            action,
            expectedTotal,
          });
          let lastHandled = -1;
          let lastMove = performance.now();
          for (;;) {
            row = (await readStore<JobRowSeen>(options, 'jobs')).find((job) => job.id === jobId);
            if (!row) throw new Error(`job ${jobId} is not in the extension's database`);
            if (row.state === 'done' || row.state === 'cancelled') break;
            const inFlight = concurrencyOf(row.cursor);
            if (inFlight !== null && row.route === 'rest') concurrency.push(inFlight);
            if (row.state === 'paused')
              throw new Error(`job ${jobId} paused itself (${row.waitReason ?? 'no reason'})`);
            const handled = row.progress.done + row.progress.skipped + row.progress.failed;
            if (handled !== lastHandled) {
              lastHandled = handled;
              lastMove = performance.now();
            } else if (performance.now() - lastMove > stuckAfterMs) {
              throw new Error(
                `job ${jobId} stuck at ${handled} of ${row.progress.total} (${row.waitReason ?? 'running'})`,
              );
            }
            if (performance.now() - started > timeoutMs) throw new Error(`job ${jobId} not done in ${timeoutMs} ms`);
            // Polled often: a 500-comment job ends in about a second, and the poll is part of its time.
            await new Promise((wait) => setTimeout(wait, 50));
          }
        } finally {
          heap = await sampler.stop();
        }
        const ms = performance.now() - started;
        if (!row) throw new Error('no job row');
        const longTasks = await popup.evaluate(
          () => (globalThis as unknown as { freigabeLongTasks: { start: number; ms: number }[] }).freigabeLongTasks,
        );
        const longTasksMs = longTasks.filter((task) => task.start >= jobStartInPopup).map((task) => task.ms);
        const openingLongTasksMs = longTasks.filter((task) => task.start < jobStartInPopup).map((task) => task.ms);
        const popupHotspots = profiler ? await profiler.stop() : [];
        return {
          ms,
          popupHotspots,
          state: row.state,
          progress: row.progress,
          route: row.route,
          longTasksMs,
          openingLongTasksMs,
          heapBeforeBytes,
          heapPeakBytes: Math.max(heapBeforeBytes, heap.peak),
          heapSamples: heap.samples,
          workerRestarts: heap.restarts,
          failures: row.failures,
          concurrency,
        };
      } finally {
        await popup.close();
      }
    },
    cachedComments: () =>
      options.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('freigabe');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        try {
          const comments = db.transaction('comments').objectStore('comments');
          // Inline functions only: a named one would be wrapped in tsx's __name, unknown in the page.
          const [total = 0, pending = 0] = await Promise.all(
            [
              comments.count(),
              // The [status+date] index (database v7): every pending comment, whatever its date.
              comments.index('[status+date]').count(IDBKeyRange.bound(['hold', -Infinity], ['hold', Infinity])),
            ].map(
              (request) =>
                new Promise<number>((resolve, reject) => {
                  request.onsuccess = () => resolve(request.result);
                  request.onerror = () => reject(request.error);
                }),
            ),
          );
          return { total, pending };
        } finally {
          db.close();
        }
      }),
    close: () => browser.close(),
  };
}
