/**
 * The sync and the flush inside the real extension (the test build in dist/chrome-test) in
 * Chromium: wall time seen from an extension page, and the service worker's JavaScript heap sampled
 * through DevTools while each phase runs.
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
import { describeTrace, traceChromium } from './chromium-trace.ts';
import { profileWorker, type WorkerProfile } from './worker-profile.ts';

export interface PhaseFigures {
  ms: number;
  /** JS heap after a garbage collection, just before the phase */
  heapBeforeBytes: number;
  /** the highest JS heap sampled while the phase ran */
  heapPeakBytes: number;
  samples: number;
  /** with `profileDir`: the worker's CPU profile of the phase */
  profile?: WorkerProfile;
  /** with `profileDir` and BENCH_TRACE=1: where Chromium's processes spent the phase (chromium-trace.ts) */
  trace?: string;
}

export interface ExtensionBench {
  /** syncs the site now (the `syncNow` message, as the popup sends it); answers the pending count */
  sync(): Promise<PhaseFigures & { pending: number }>;
  /** approves these comments through the `decide` message and waits until the outbox has sent them all */
  flush(commentIds: number[]): Promise<PhaseFigures>;
  close(): Promise<void>;
}

const extensionDir = 'dist/chrome-test';

function ensureTestBuild(): void {
  if (existsSync(`${extensionDir}/manifest.json`)) return;
  const build = spawnSync('node_modules/.bin/tsx', ['scripts/build.ts', 'test'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the test extension failed:\n${build.stdout}${build.stderr}`);
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function send<T>(page: Page, message: unknown): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as Reply<T>;
  if (!reply.ok) throw new Error(`${JSON.stringify(message).slice(0, 60)}: ${reply.error.message}`);
  return reply.value;
}

/** Runs `phase` while sampling the worker's heap every ~50 ms (and profiling it, when asked to). */
async function measured<T>(
  browser: ExtensionBrowser,
  phase: () => Promise<T>,
  profile?: { dir: string; name: string },
): Promise<[T, PhaseFigures]> {
  const heap = await serviceWorkerHeap(browser);
  try {
    await heap.collectGarbage();
    const heapBeforeBytes = await heap.usedBytes();
    let heapPeakBytes = heapBeforeBytes;
    let samples = 0;
    let running = true;
    const sampling = (async () => {
      while (running) {
        heapPeakBytes = Math.max(heapPeakBytes, await heap.usedBytes());
        samples += 1;
        await new Promise((wait) => setTimeout(wait, 50));
      }
    })();
    const profiler = profile ? await profileWorker(browser, profile.dir, profile.name) : undefined;
    const tracer =
      profile && process.env.BENCH_TRACE === '1'
        ? await traceChromium(browser.context, browser.userDataDir, profile.dir, profile.name)
        : undefined;
    const started = performance.now();
    const result = await phase().finally(() => {
      running = false;
    });
    const ms = performance.now() - started;
    await sampling;
    const profiled = await profiler?.stop();
    const traced = await tracer?.stop();
    return [
      result,
      {
        ms,
        heapBeforeBytes,
        heapPeakBytes,
        samples,
        ...(profiled ? { profile: profiled } : {}),
        ...(traced ? { trace: describeTrace(traced) } : {}),
      },
    ];
  } finally {
    await heap.close();
  }
}

/** Outbox rows in each state, counted in an extension page (it reads the worker's database). */
function outboxStates(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('freigabe');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const index = db.transaction('outbox').objectStore('outbox').index('state');
      const counts: Record<string, number> = {};
      for (const state of ['waiting', 'sending', 'done', 'failed', 'conflict']) {
        counts[state] = await new Promise<number>((resolve, reject) => {
          const request = index.count(state);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      return counts;
    } finally {
      db.close();
    }
  });
}

/**
 * Chromium with the extension, connected to the site as `moderator`, decisions sent at once. With
 * `profileDir`, each phase is also CPU-profiled in the worker (which slows it down a little).
 */
export async function startExtensionBench(
  siteUrl: string,
  moderator: DemoSiteUser,
  { profileDir }: { profileDir?: string } = {},
): Promise<ExtensionBench> {
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
  // No undo window (the flush starts at once) and no background sync in the middle of a phase.
  await writeSettings(options, { undoWindowSeconds: 0, syncIntervalMinutes: 60, notifyNewPending: false });
  // A raw IndexedDB write sends no change notice: the alarm at the new interval, as the worker sets it.
  await options.evaluate(() => chrome.alarms.create('freigabe:sync', { periodInMinutes: 60 }));
  // The phases are driven from an extension page with no app in it (the manifest, as text): the
  // options page's app would take every change notice of the phase on the CPU the worker and the
  // server share with it.
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('manifest.json'));
  await options.close();
  return {
    async sync() {
      const [summaries, figures] = await measured(
        browser,
        () => send<{ pending: number }[]>(page, { type: 'syncNow', siteId: site.id }),
        profileDir ? { dir: profileDir, name: 'worker-sync' } : undefined,
      );
      return { ...figures, pending: summaries[0]?.pending ?? 0 };
    },
    async flush(commentIds) {
      const before = (await outboxStates(page)).done ?? 0;
      const [, figures] = await measured(
        browser,
        async () => {
          await send(page, { type: 'decide', siteId: site.id, commentIds, decision: 'approve' });
          for (;;) {
            const states = await outboxStates(page);
            if ((states.failed ?? 0) + (states.conflict ?? 0) > 0) throw new Error(`flush: ${JSON.stringify(states)}`);
            if ((states.done ?? 0) - before >= commentIds.length) return;
            // Each look opens the database in the page: often enough to time a flush of over a
            // minute, seldom enough not to take the CPU the worker and the server share with it.
            await new Promise((wait) => setTimeout(wait, 200));
          }
        },
        profileDir ? { dir: profileDir, name: 'worker-flush' } : undefined,
      );
      return figures;
    },
    close: () => browser.close(),
  };
}
