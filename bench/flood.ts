/**
 * npm run bench:flood [-- --smoke] [--core=7.1|6.1]
 * A spam flood on the native WordPress (7.1 by default), written by SQL (bench/lib/flood-seed.ts)
 * and written again before every round, so every round starts from the same data:
 *  1. count and preview of the flood: REST's own answer (Freigabe's client in Node) and the
 *     extension's `previewJob` (time to the count and the first rows);
 *  2. trash everything pending: a job through the Freigabe Bridge, wp-admin's bulk Trash in
 *     Chromium (999 a page, select all, until the list is empty), a job of REST singles (Bridge
 *     off) and curl with the same concurrency as the floor of the singles;
 *  3. the throughput curve: REST singles by curl, by Freigabe's client (in Node and in the service
 *     worker) and by the worker's bare fetch at 1 … 32 in flight;
 *  4. 500 approvals: a Bridge job vs wp-admin's bulk Approve;
 *  while each job runs the popup is open (long tasks over 100 ms) and the worker's heap is sampled.
 * FLOOD_N: the flood (default 100,000); FLOOD_SINGLES_N: for the singles and curl rounds (10,000);
 * FLOOD_CURVE_N: requests per client and concurrency (200); FLOOD_CONCURRENCY: curl's in-flight
 * count beside the singles job (default: the median the job's adaptive concurrency kept; 4 without it);
 * FLOOD_WP_ADMIN_PAGES: stop wp-admin after this many pages and print the time for all at that rate.
 * --popup-only: only the count, the preview and the Bridge job with the popup open (the popup's long
 * tasks and the worker's heap), then it stops; FLOOD_PROFILE=1: also the popup's CPU profile during
 * that job, the functions with the most self time. Prints the figures against bench/lib/budgets.ts; reports, never asserts.
 */
import { rmSync } from 'node:fs';
import { startWordPress } from '../scripts/wp/index.ts';
import { demoUser } from '../scripts/wp/rest.ts';
import { setBridge } from '../scripts/wp/scenarios.ts';
import type { JobFilter } from '../src/shared/jobs.ts';
import { goal } from './lib/budgets.ts';
import { benchCore } from './lib/core.ts';
import { type JobBench, type JobFigures, startJobBench } from './lib/extension-jobs.ts';
import { restPreview } from './lib/flood-preview.ts';
import { floodDb, floodStatuses, seedFlood } from './lib/flood-seed.ts';
import { describeRequests, requestLog } from './lib/request-log.ts';
import { median } from './lib/stats.ts';
import { clientTrash, curlTrash, formatThroughput } from './lib/throughput.ts';
import { workerTrash } from './lib/worker-throughput.ts';
import { wpAdminBulkApprove, wpAdminBulkUntilEmpty } from './lib/wp-admin-bulk.ts';

const smoke = process.argv.includes('--smoke');
const popupOnly = process.argv.includes('--popup-only');
const profilePopup = process.env.FLOOD_PROFILE === '1';
const size = (name: string, full: number, small: number) => Number(process.env[name] ?? (smoke ? small : full));
const floodN = size('FLOOD_N', 100_000, 200);
const singlesN = Math.min(floodN, size('FLOOD_SINGLES_N', 10_000, 40));
const curveN = size('FLOOD_CURVE_N', 200, 4);
const approvals = Math.min(999, size('FLOOD_APPROVALS', 500, 20));
const wpAdminPages = Number(process.env.FLOOD_WP_ADMIN_PAGES ?? Number.POSITIVE_INFINITY);
const fixedConcurrency = Number(process.env.FLOOD_CONCURRENCY ?? 4);
const curveLevels = [1, 2, 4, 8, 16, 32];
const port = Number(process.env.FREIGABE_BENCH_PORT ?? 8896);
const core = benchCore();
const dir = `.wp/bench-flood-${core}`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (count: number, ms: number) => `${Math.round(count / (ms / 1000))} comments/s`;
const mib = (bytes: number) => bytes / 2 ** 20;
const n = (value: number) => value.toLocaleString('en-US');
const pending: JobFilter = { status: 'hold', type: 'all' };

function describeJob(label: string, count: number, job: JobFigures): string {
  const heapPeak = mib(job.heapPeakBytes);
  const longTasks = job.longTasksMs.length;
  return (
    `${label}: ${n(job.progress.done)} of ${n(count)} in ${seconds(job.ms)} (${rate(job.progress.done, job.ms)}; ` +
    `route ${job.route ?? '?'}, skipped ${job.progress.skipped}, failed ${job.progress.failed}); ` +
    `popup long tasks > 100 ms during the job: ${longTasks}${longTasks ? ` (longest ${Math.round(Math.max(...job.longTasksMs))} ms)` : ''} ` +
    `(${goal('jobPopupLongTasks', longTasks)}; ${job.openingLongTasksMs.length} while the popup opened, before the job); worker heap ${mib(job.heapBeforeBytes).toFixed(1)} → peak ${heapPeak.toFixed(1)} MiB ` +
    `(${job.heapSamples} samples${job.workerRestarts ? `, worker restarted ${job.workerRestarts}×` : ''}; ${goal('jobWorkerHeapMib', heapPeak)})`
  );
}

rmSync(dir, { recursive: true, force: true });
const site = await startWordPress({ backend: 'native', port, dir, core, log: () => undefined });
let extension: JobBench | undefined;
try {
  console.log(`WordPress ${site.info.wpVersion} (backend: native, ${site.info.describe}) on ${site.url}`);
  console.log(
    `sizes: flood ${n(floodN)} (count, preview, Bridge, wp-admin) · singles and curl ${n(singlesN)} · ` +
      `curve ${n(curveN)} requests per client and concurrency · approvals ${n(approvals)}`,
  );
  const db = floodDb(site);
  // WordPress's own time per request, printed under each round: the server's share of its time.
  const requests = requestLog(site);
  const serverLine = () => console.log(`  ${describeRequests(requests.read())}`);
  const posts = site.info.posts.map((post) => post.id);
  const admin = demoUser(site.info, 'admin');
  const editor = demoUser(site.info, 'editor');
  const root = `${site.url}/wp-json/`;
  const seed = (count: number, status: 'hold' | 'approved' = 'hold') => {
    const seeded = seedFlood(db, site, { count, posts, status });
    return seeded;
  };
  const trashedAll = (count: number, what: string) => {
    const statuses = floodStatuses(db);
    if ((statuses.trash ?? 0) !== count)
      throw new Error(`${what}: ${JSON.stringify(statuses)} after trashing ${count}`);
  };

  // The extension connects before the flood arrives: connecting syncs the whole pending queue.
  // The Freigabe Bridge is in every test site (scripts/wp), inactive until switched on.
  await setBridge(site, true);
  extension = await startJobBench(site.url, editor);

  // 1. Count and preview.
  const seeded = seed(floodN);
  console.log(
    `seeded ${n(floodN)} pending comments on ${posts.length} posts by SQL in ${seconds(seeded.ms)} ` +
      `(WordPress recounted: ${n(seeded.counts.moderated)} pending)`,
  );
  const viaRest = await restPreview(root, editor, pending);
  console.log(
    `count + preview over REST (Freigabe's client in Node): ${n(viaRest.total)} in ${Math.round(viaRest.countMs)} ms, ` +
      `first ${viaRest.rows} rows (context=edit) in ${Math.round(viaRest.firstRowsMs)} ms`,
  );
  const preview = await extension.preview(pending);
  const engine = preview !== null;
  console.log(
    preview
      ? `count + preview through the extension (previewJob): ${n(preview.total)} and ${preview.first.length} rows in ${Math.round(preview.ms)} ms (route ${preview.route})`
      : 'count + preview through the extension (previewJob): not in this build (no job engine: not_available)',
  );

  // 2. Trash the flood: Bridge job, wp-admin, REST singles job, curl.
  let bridgeFloodMs: number | null = null;
  if (engine) {
    seed(floodN);
    requests.reset();
    const job = await extension.run(pending, 'trash', floodN, { profile: profilePopup });
    trashedAll(floodN, 'Bridge job');
    bridgeFloodMs = job.ms;
    console.log(describeJob('trash through the Bridge (extension job)', floodN, job));
    serverLine();
    for (const spot of job.popupHotspots) console.log(`  popup self time ${Math.round(spot.selfMs)} ms: ${spot.where}`);
    const cached = await extension.cachedComments();
    console.log(`  the cache after the job: ${n(cached.total)} comments, ${n(cached.pending)} of them pending`);
  } else {
    console.log(`trash through the Bridge (extension job): skipped (no job engine)`);
  }
  await extension.close();
  extension = undefined;
  if (popupOnly) {
    // The rounds below are skipped: the same clean-up as at the end.
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }

  seed(floodN);
  requests.reset();
  const wpAdmin = await wpAdminBulkUntilEmpty(site.url, admin, {
    status: 'hold',
    action: 'trash',
    maxPages: wpAdminPages,
  });
  const wpAdminTrashed = floodStatuses(db).trash ?? 0;
  if (wpAdmin.emptied) trashedAll(floodN, 'wp-admin');
  // A sample of pages when FLOOD_WP_ADMIN_PAGES stops it early: the time for all of them at its rate.
  const wpAdminMs = wpAdmin.emptied ? wpAdmin.totalMs : (wpAdmin.totalMs * floodN) / wpAdminTrashed;
  console.log(
    `trash in wp-admin (Chromium, ${wpAdmin.perPage} a page, select all, bulk Trash until empty): ${n(wpAdminTrashed)} in ${seconds(wpAdmin.totalMs)} ` +
      `(${rate(wpAdminTrashed, wpAdmin.totalMs)}; ${wpAdmin.pages} pages; WordPress's own time in the bulk requests ${seconds(wpAdmin.bulkMs)}, slowest ${seconds(wpAdmin.slowestBulkMs)}; ` +
      `ticking "select all" ${seconds(wpAdmin.selectMs)}; loading the next list ${seconds(wpAdmin.listMs)}; ` +
      `each a GET with every id in its URL, the longest ${n(wpAdmin.longestUrlBytes)} bytes)` +
      (wpAdmin.emptied
        ? ''
        : `; stopped after ${wpAdmin.pages} pages (FLOOD_WP_ADMIN_PAGES): ${n(floodN)} at this rate would take ${seconds(wpAdminMs)}`),
  );
  serverLine();
  if (wpAdmin.fewestActedOnFullPage !== null && wpAdmin.fewestActedOnFullPage < wpAdmin.perPage) {
    console.log(
      `  wp-admin changed as few as ${wpAdmin.fewestActedOnFullPage} of the ${wpAdmin.perPage} ids a full page sent: the request has ` +
        `${wpAdmin.otherFields} other fields, and PHP reads at most max_input_vars (default 1,000) — the rest stay for the next page`,
    );
  }
  if (bridgeFloodMs !== null) {
    const ratio = bridgeFloodMs / wpAdminMs;
    const serverMs = wpAdmin.emptied ? wpAdmin.bulkMs : (wpAdmin.bulkMs * floodN) / wpAdminTrashed;
    console.log(
      `ratio Bridge job / wp-admin for ${n(floodN)}${wpAdmin.emptied ? '' : ' (wp-admin projected)'}: ${ratio.toFixed(2)} (${goal('floodBridgeVsWpAdmin', ratio)}); ` +
        `against wp-admin's bulk requests alone (no browser, no lists): ${(bridgeFloodMs / serverMs).toFixed(2)}`,
    );
  }

  let singlesMs: number | null = null;
  let singlesConcurrency = fixedConcurrency;
  if (engine) {
    await setBridge(site, false);
    seed(0);
    extension = await startJobBench(site.url, editor);
    seed(singlesN);
    requests.reset();
    const job = await extension.run(pending, 'trash', singlesN);
    await extension.close();
    extension = undefined;
    trashedAll(singlesN, 'REST singles job');
    singlesMs = job.ms;
    console.log(describeJob('trash by REST singles (extension job, Bridge off)', singlesN, job));
    serverLine();
    if (job.concurrency.length > 0 && process.env.FLOOD_CONCURRENCY === undefined) {
      singlesConcurrency = Math.round(median(job.concurrency));
      console.log(
        `  the job's requests in flight (adaptive): median ${singlesConcurrency}, ${Math.min(...job.concurrency)}–${Math.max(...job.concurrency)} over ${job.concurrency.length} samples`,
      );
    }
  } else {
    console.log('trash by REST singles (extension job, Bridge off): skipped (no job engine)');
  }
  seed(singlesN);
  const ids = await pendingIds();
  requests.reset();
  const floor = curlTrash(root, editor, ids, singlesConcurrency);
  trashedAll(singlesN, 'curl');
  console.log(
    `trash by curl, ${singlesConcurrency} in flight (the floor): ${n(floor.count)} in ${seconds(floor.ms)} (${formatThroughput(floor)})`,
  );
  serverLine();
  if (singlesMs !== null) {
    const ratio = singlesMs / floor.ms;
    console.log(`ratio REST singles job / curl: ${ratio.toFixed(2)} (${goal('singlesVsCurl', ratio)})`);
  }

  // 3. The throughput curve.
  seed(0);
  extension = await startJobBench(site.url, editor);
  seed(curveN * curveLevels.length * 4);
  const curveIds = await pendingIds();
  console.log(`throughput curve: DELETE wp/v2/comments/{id} (to Trash), ${curveN} per client and level`);
  console.log(
    `  in flight | ${'curl'.padEnd(43)} | ${"Freigabe's client in Node".padEnd(43)} | ${"Freigabe's client in the service worker".padEnd(43)} | the worker's bare fetch (no client)`,
  );
  let next = 0;
  const slice = () => {
    next += curveN;
    return curveIds.slice(next - curveN, next);
  };
  for (const level of curveLevels) {
    const byCurl = curlTrash(root, editor, slice(), level);
    const byClient = await clientTrash(root, editor, slice(), level);
    const inWorker = await workerTrash(extension.browser.worker, root, editor, slice(), level);
    const bareWorker = await workerTrash(extension.browser.worker, root, editor, slice(), level, true);
    console.log(
      `  ${String(level).padStart(9)} | ${formatThroughput(byCurl)} | ${formatThroughput(byClient)} | ${formatThroughput(inWorker)} | ${formatThroughput(bareWorker)}`,
    );
  }
  await extension.close();
  extension = undefined;

  // 4. Approvals.
  let bridgeApproveMs: number | null = null;
  if (engine) {
    await setBridge(site, true);
    seed(0);
    extension = await startJobBench(site.url, editor);
    seed(approvals);
    requests.reset();
    const job = await extension.run(pending, 'approve', approvals);
    await extension.close();
    extension = undefined;
    bridgeApproveMs = job.ms;
    console.log(describeJob(`${approvals} approvals through the Bridge (extension job)`, approvals, job));
    serverLine();
  } else {
    console.log(`${approvals} approvals through the Bridge (extension job): skipped (no job engine)`);
  }
  seed(approvals);
  requests.reset();
  const approve = await wpAdminBulkApprove(site.url, admin, approvals);
  console.log(
    `${approvals} approvals in wp-admin (bulk Approve, one page): ${seconds(approve.bulkMs)} until WordPress answered ` +
      `(${seconds(approve.reloadMs)} until the list showed again)`,
  );
  serverLine();
  if (bridgeApproveMs !== null) {
    const ratio = bridgeApproveMs / approve.bulkMs;
    console.log(
      `ratio Bridge job / wp-admin for ${approvals} approvals: ${ratio.toFixed(2)} (${goal('approvalsBridgeVsWpAdmin', ratio)})`,
    );
  }

  async function pendingIds(): Promise<number[]> {
    return db
      .sql(`SELECT comment_ID FROM wp_comments WHERE comment_ID > ${db.baseline} AND comment_approved = '0' ORDER BY 1`)
      .trim()
      .split('\n')
      .map(Number);
  }
} finally {
  await extension?.close();
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
}
