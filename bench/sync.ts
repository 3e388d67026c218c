/**
 * npm run bench:sync [-- --smoke]
 * On the native WordPress backend:
 *  1. initial sync of 10,000 pending comments through the extension's sync code (Node, with
 *     fake-indexeddb as the cache) vs the WordPress server's own time for the same pages fetched by
 *     curl in the same run (goal: Freigabe adds ≤ 10 %);
 *  2. flush of 500 decisions through the outbox (4 in flight) vs the same 500 status changes sent
 *     one after another by curl (goal: ratio ≤ 0.5), and vs wp-admin's own bulk "Approve" of 500
 *     comments driven in Chromium;
 *  3. both again inside the real extension's service worker (dist/chrome-test in Chromium, built
 *     when missing): wall time and the worker's peak JavaScript heap (DevTools Runtime.getHeapUsage).
 *     With `--profile`, each worker phase is also CPU-profiled (DevTools Profiler; a little slower):
 *     the functions with the most self time and the requests on the wire are printed, the profiles
 *     written to test-results/profiles/ (open them in DevTools).
 * Prints the figures against the goals in bench/lib/budgets.ts (reported, not asserted).
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Browser } from 'webextension-polyfill';
import { addComments, startWordPress } from '../scripts/wp/index.ts';
import type { BackgroundContext } from '../src/background/context.ts';
import { decide } from '../src/background/outbox/decide.ts';
import { flushOutbox } from '../src/background/outbox/flush.ts';
import { syncPending } from '../src/background/sync/pull-pending.ts';
import { withStatus } from '../src/shared/db/comment-ranges.ts';
import { FreigabeDb } from '../src/shared/db/index.ts';
import { commentFields } from '../src/shared/wp/comments.ts';
import { goal } from './lib/budgets.ts';
import { benchCore } from './lib/core.ts';
import { type PhaseFigures, startExtensionBench } from './lib/extension-phases.ts';
import { describeProfile } from './lib/worker-profile.ts';
import { wpAdminBulkApprove } from './lib/wp-admin-bulk.ts';

const smoke = process.argv.includes('--smoke');
const profileDir = process.argv.includes('--profile') ? 'test-results/profiles' : undefined;
const pendingCount = smoke ? 300 : 10_000;
const decisions = smoke ? 20 : 500;
const port = Number(process.env.FREIGABE_BENCH_PORT ?? 8898);
const core = benchCore();
const dir = `.wp/bench-sync-${core}`;

function curl(args: string[]): number {
  const run = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', ...args], {
    encoding: 'utf8',
  });
  const [code, seconds] = run.stdout.split(' ');
  if (!code?.startsWith('2')) throw new Error(`curl: HTTP ${code} ${run.stderr}`);
  return Number(seconds) * 1000;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const heap = (figures: PhaseFigures) =>
  `service worker JS heap ${mib(figures.heapBeforeBytes)} → peak ${mib(figures.heapPeakBytes)} MiB (${figures.samples} samples)` +
  (figures.profile ? `\n${describeProfile(figures.profile)}` : '') +
  (figures.trace ? `\n${figures.trace}` : '');

rmSync(dir, { recursive: true, force: true });
const site = await startWordPress({ backend: 'native', port, dir, core, log: () => undefined });
console.log(`WordPress ${site.info.wpVersion} (${site.info.describe})`);
let extension: Awaited<ReturnType<typeof startExtensionBench>> | undefined;
try {
  const editor = site.info.users.find((user) => user.key === 'editor');
  const admin = site.info.users.find((user) => user.key === 'admin');
  const article = site.info.posts.find((post) => post.key === 'weiterbildung');
  if (!editor || !admin || !article) throw new Error('demo content incomplete');
  // Connected before the comments arrive, so its sync below is the initial one of all of them.
  extension = await startExtensionBench(site.url, editor, { profileDir });
  const seeded = performance.now();
  await addComments({ url: site.url, dir }, article.id, pendingCount);
  console.log(
    `backend: native (${site.info.describe}); seeded ${pendingCount} pending comments in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );

  const siteId = `${site.url}/wp-json/`;
  const ctx: BackgroundContext = {
    db: new FreigabeDb(`bench-${Date.now()}`),
    browser: {} as Browser,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => Math.random(),
    contentScriptFile: '',
    inlineScriptFile: '',
  };
  await ctx.db.sites.put({
    id: siteId,
    origin: site.url,
    name: 'Bench',
    home: site.url,
    siteUrl: site.url,
    signIn: 'password',
    userId: editor.id,
    userName: editor.displayName,
    mode: 'moderator',
    status: 'connected',
    statusMessage: null,
    connectedAt: Date.now(),
    lastSyncAt: null,
    pendingTotal: 0,
  });
  await ctx.db.credentials.put({
    siteId,
    auth: { kind: 'application-password', username: editor.login, password: editor.applicationPassword },
  });

  const memoryBefore = process.memoryUsage().rss;
  const syncCpu = process.cpuUsage();
  const syncStart = performance.now();
  const summary = await syncPending(ctx, siteId);
  const syncMs = performance.now() - syncStart;
  const syncCpuMs = cpuMs(process.cpuUsage(syncCpu));
  const memoryPeak = process.memoryUsage().rss;

  const auth = `${editor.login}:${editor.applicationPassword}`;
  const pages = Math.ceil(summary.serverTotal / 100);
  let serverMs = 0;
  for (let page = 1; page <= pages; page++) {
    serverMs += curl([
      '-u',
      auth,
      `${site.url}/wp-json/wp/v2/comments?status=hold&type=all&per_page=100&page=${page}&orderby=id&order=asc&context=edit&_fields=${commentFields.join(',')}`,
    ]);
  }
  console.log(
    `initial sync: ${summary.pending} comments in ${(syncMs / 1000).toFixed(2)} s (${Math.round(summary.pending / (syncMs / 1000))} comments/s); ` +
      `the server's own time for the same ${pages} pages (curl): ${(serverMs / 1000).toFixed(2)} s; ratio ${(syncMs / serverMs).toFixed(2)} (${goal('syncVsServer', syncMs / serverMs)})`,
  );
  console.log(
    `Node process RSS during sync: ${(memoryBefore / 2 ** 20).toFixed(0)} → ${(memoryPeak / 2 ** 20).toFixed(0)} MiB; its CPU: ${(syncCpuMs / 1000).toFixed(2)} s`,
  );
  const inWorker = await extension.sync();
  console.log(
    `initial sync in the extension's service worker: ${inWorker.pending} comments in ${(inWorker.ms / 1000).toFixed(2)} s ` +
      `(${Math.round(inWorker.pending / (inWorker.ms / 1000))} comments/s; ratio to curl ${(inWorker.ms / serverMs).toFixed(2)}, ${goal('syncInWorkerVsServer', inWorker.ms / serverMs)}); ${heap(inWorker)}`,
  );

  const cached = (await withStatus(ctx.db, 'hold').primaryKeys()).map(([, id]) => id).sort((a, b) => a - b);
  const viaOutbox = cached.slice(0, decisions);
  const viaCurl = cached.slice(decisions, decisions * 2);
  const viaExtension = cached.slice(decisions * 2, decisions * 3);
  await decide(ctx, { siteId, commentIds: viaOutbox, decision: 'approve', undoWindowMs: 0 });
  const flushCpu = process.cpuUsage();
  const flushStart = performance.now();
  let flushed = 0;
  for (let run = 0; run < 10 && flushed < decisions; run++) flushed += (await flushOutbox(ctx)).done;
  const flushMs = performance.now() - flushStart;
  const flushCpuMs = cpuMs(process.cpuUsage(flushCpu));
  const curlStart = performance.now();
  for (const id of viaCurl) {
    curl([
      '-u',
      auth,
      '-H',
      'Content-Type: application/json',
      '-X',
      'POST',
      '-d',
      '{"status":"approved"}',
      `${site.url}/wp-json/wp/v2/comments/${id}`,
    ]);
  }
  const curlMs = performance.now() - curlStart;
  console.log(
    `flush of ${flushed} decisions: ${(flushMs / 1000).toFixed(2)} s (4 in flight; Node's CPU ${(flushCpuMs / 1000).toFixed(2)} s) vs ${viaCurl.length} sequential curl status changes: ${(curlMs / 1000).toFixed(2)} s; ratio ${(flushMs / curlMs).toFixed(2)} (${goal('flushVsSequential', flushMs / curlMs)})`,
  );
  const workerFlush = await extension.flush(viaExtension);
  console.log(
    `flush in the extension's service worker: ${viaExtension.length} decisions decided and sent in ${(workerFlush.ms / 1000).toFixed(2)} s ` +
      `(ratio to curl ${(workerFlush.ms / curlMs).toFixed(2)}, ${goal('flushInWorkerVsSequential', workerFlush.ms / curlMs)}); ${heap(workerFlush)}`,
  );
  await extension.close();
  extension = undefined;

  const bulk = await wpAdminBulkApprove(site.url, admin, decisions);
  console.log(
    `wp-admin bulk "Approve" of ${bulk.count} comments in Chromium: ${(bulk.bulkMs / 1000).toFixed(2)} s until WordPress answered ` +
      `(${(bulk.reloadMs / 1000).toFixed(2)} s until the list showed again; the list of ${bulk.count} took ${(bulk.listMs / 1000).toFixed(2)} s to load); ` +
      `ratio Freigabe flush / wp-admin bulk ${(flushMs / bulk.bulkMs).toFixed(2)} (in the extension ${(workerFlush.ms / bulk.bulkMs).toFixed(2)})`,
  );
} finally {
  await extension?.close();
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
}
