/**
 * npm run soak — the storm soak (issue 13, ADR 029). SOAK_SEED picks the run (printed, so any run is
 * replayed), SOAK_S its length in seconds (default 600; `npm test` runs a 45-second smoke),
 * SOAK_COMMENTS the pending comments seeded over both sites (default 3,000; 600 for runs of 2
 * minutes or less), SOAK_UI_SHARE the share of decisions made through the UI (default 0.2),
 * FREIGABE_SOAK_PORT the first WordPress's port (default 8901; the second site takes the next one).
 *
 * Two real native WordPress sites (sites.ts: one with the Bridge, one without) with the
 * `status-ledger` scenario, the test build in Chromium connected to both through fault proxies, a
 * seeded moderator deciding through the extension's messages on both (a share through the popup's
 * keys and clicks on the article), a second moderator over REST,
 * seeded faults, drafts typed (drafts.ts) and bulk jobs started, steered and undone (jobs.ts); then
 * faults off, the outbox left to settle, a final sync, and the oracles per site (oracle.ts,
 * job-oracle.ts, draft-oracle.ts). Exits 1 when anything was lost, doubled, stuck, unexplained,
 * differs in the cache or a draft was lost.
 */
import { writeFileSync } from 'node:fs';
import type { CommentRow, DraftRow, JobChunkRow, JobRow, OutboxRow } from '../../src/shared/db/index.ts';
import { maxTimeoutMs } from '../../src/shared/wp/transport.ts';
import { readLedger } from '../wp/status-ledger.ts';
import { bounded, readRows, revive, send, startSoakBrowser } from './browser.ts';
import { judgeDrafts } from './draft-oracle.ts';
import { createDraftDriver } from './drafts.ts';
import { createDriver } from './driver.ts';
import { chosenFaults, createFaultScheduler } from './faults.ts';
import { judgeJobs } from './job-oracle.ts';
import { createJobDriver, type JobDriver } from './jobs.ts';
import { openLedger } from './ledger.ts';
import { moderate, moderatorStatuses } from './moderator.ts';
import { judge } from './oracle.ts';
import { seededRandom } from './random.ts';
import { report } from './report.ts';
import { readAllComments } from './server-state.ts';
import { type SoakSite, startSoakSites, stopSoakSites } from './sites.ts';

const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
const seconds = Number(process.env.SOAK_S ?? 600);
const comments = Number(process.env.SOAK_COMMENTS ?? (seconds <= 120 ? 600 : 3000));
const port = Number(process.env.FREIGABE_SOAK_PORT ?? 8901);
/** per site, on a post of their own that only bulk jobs change */
const jobComments = Number(process.env.SOAK_JOB_COMMENTS ?? (seconds <= 120 ? 60 : 300));
/** how long the outbox may take to settle once the faults are off (backoff is capped at 10 minutes) */
const quietLimitMs = Number(process.env.SOAK_QUIET_S ?? (seconds <= 120 ? 240 : 660)) * 1000;
const undoWindowSeconds = 2;
const colleagueOnJobs = process.env.SOAK_COLLEAGUE_JOBS !== '0';
/** the share of the moderator's decisions made through the UI (popup keys, article clicks) */
const uiShare = Number(process.env.SOAK_UI_SHARE ?? 0.2);
const log = (message: string) => console.log(`[soak ${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`);
const started = Date.now();
const random = seededRandom(seed);
const ledger = openLedger(seed);
console.log(
  `soak: seed ${seed}, ${seconds} s, ${comments} pending comments (replay: SOAK_SEED=${seed} SOAK_S=${seconds})`,
);

let sites: SoakSite[] = [];
const cleanups: (() => Promise<unknown>)[] = [() => stopSoakSites(sites)];
let exitCode = 1;
try {
  sites = await startSoakSites(port, comments, jobComments);
  const [first] = sites;
  log(
    `WordPress ${first?.wp.info.wpVersion}: ${sites.map((site) => `${site.name} at ${site.wp.url} (${site.pending} pending)`).join(', ')}`,
  );
  const browser = await startSoakBrowser(sites, undoWindowSeconds);
  cleanups.unshift(() => browser.current.close());
  const synced = await send<{ pending: number }[]>(browser, { type: 'syncNow' }, 300_000);
  log(
    `connected through the fault proxies; first sync: ${synced.ok ? synced.value.map((one) => one.pending).join(' + ') : JSON.stringify(synced)}`,
  );

  const drivers = sites.map((site) =>
    createDriver(browser, site, ledger, random, seed, undoWindowSeconds * 1000, uiShare),
  );
  const jobDrivers = sites.map((site) => createJobDriver(browser, site, ledger, random));
  const draftDrivers = sites.map((site, at) =>
    createDraftDriver(browser, site, ledger, random, seed, () => drivers[at]?.recent() ?? []),
  );
  const refresh = async () => {
    for (const driver of drivers) await driver.refresh();
  };
  await refresh();
  const faults = createFaultScheduler(sites, browser, ledger, random, {
    gapMs: [4_000, 12_000],
    weights: chosenFaults(process.env.SOAK_FAULTS),
  });
  /**
   * What the other moderator goes for: a comment the user decided lately; now and then (unless
   * SOAK_COLLEAGUE_JOBS=0) one a bulk job moved, which the cache holds out of the queue (the sync
   * follows the newest 100, sync/job-moved.ts, and sweeps the rest a page per sync, sync/sweep.ts).
   */
  const colleagueTarget = async (site: SoakSite, recent: number[]): Promise<number | null> => {
    if (colleagueOnJobs && random.chance(0.25)) {
      const moved = (await readRows<CommentRow>(browser, 'comments')).filter(
        (row) => row.siteId === site.siteId && row.post === site.jobPost && row.status !== 'hold',
      );
      if (moved.length > 0) return random.pick(moved).id;
    }
    return recent.length > 0 ? random.pick(recent) : null;
  };
  const endAt = Date.now() + seconds * 1000;
  let steps = 0;
  let driverErrors = 0;
  while (Date.now() < endAt) {
    const restarting = faults.due(Date.now());
    // While the next fault lands, the user types drafts and may undo a finished job (their messages race it).
    const alongside = restarting ? [...draftDrivers, ...jobDrivers].map((one) => one.alongsideFault()) : [];
    await faults.tick(Date.now());
    await Promise.all(alongside);
    if (restarting) await refresh();
    const at = random.int(0, sites.length - 1);
    const site = sites[at] as SoakSite;
    const driver = drivers[at] as (typeof drivers)[number];
    // (A page that does not answer is the browser's trouble, which the driver's step below meets too.)
    const commentId = random.chance(0.12) ? await colleagueTarget(site, driver.recent()).catch(() => null) : null;
    if (commentId !== null) {
      const status = random.pick(moderatorStatuses);
      const startedAt = Date.now();
      // Bounded like the page reads: a WordPress that never answers is recorded as a change that failed.
      const change = await bounded(moderate(site.root, site.admin, commentId, status), 'the other moderator').catch(
        (error: unknown) => ({ result: null, error: String(error).slice(0, 200) }),
      );
      ledger.write({
        kind: 'moderator',
        site: site.name,
        at: startedAt,
        answeredAt: Date.now(),
        commentId,
        status,
        result: change.result,
      });
    }
    try {
      await driver.step();
      if (random.chance(0.15)) await (jobDrivers[at] as JobDriver).step();
      if (random.chance(0.1)) await draftDrivers[at]?.step();
    } catch (error) {
      driverErrors += 1;
      log(`driver step failed: ${String(error).slice(0, 300)}`);
      if (await revive(browser)) {
        ledger.write({
          kind: 'fault',
          at: Date.now(),
          fault: 'browser-lost',
          until: null,
          note: String(error).slice(0, 200),
        });
        await refresh();
      }
    }
    steps += 1;
    if (steps % 40 === 0) await refresh();
    await new Promise((wait) => setTimeout(wait, random.int(100, 600)));
  }
  await faults.stop();
  const faultsEnded = faults.lastEndedAt() ?? Date.now();
  log('faults off: waiting for the outbox to settle');

  // Rows held behind a failed or conflicting decision the user is shown never settle by themselves (flush.ts).
  const open = (rows: OutboxRow[]) =>
    rows.filter(
      (row) =>
        (row.state === 'waiting' || row.state === 'sending') &&
        !rows.some(
          (other) =>
            other.siteId === row.siteId &&
            other.commentId === row.commentId &&
            (other.id ?? 0) < (row.id ?? 0) &&
            (other.state === 'failed' || other.state === 'conflict'),
        ),
    );
  // Jobs paused by the user are resumed, as the user would; jobs then run to their end.
  for (const jobDriver of jobDrivers) await jobDriver.resumeAll();
  const openJobs = async () =>
    (await readRows<JobRow>(browser, 'jobs')).filter((job) => job.state === 'running' || job.state === 'paused');
  let outbox = await readRows<OutboxRow>(browser, 'outbox');
  const quietDeadline = Date.now() + quietLimitMs;
  while ((open(outbox).length > 0 || (await openJobs()).length > 0) && Date.now() < quietDeadline) {
    await new Promise((wait) => setTimeout(wait, 2000));
    if (await revive(browser)) {
      log('the browser went away while the outbox settled: started again on its profile');
      ledger.write({ kind: 'fault', at: Date.now(), fault: 'browser-lost', until: null });
    }
    outbox = await readRows<OutboxRow>(browser, 'outbox');
    const waiting = open(outbox);
    if (waiting.length > 0 && Math.round((Date.now() - faultsEnded) / 1000) % 30 < 2) {
      const next = Math.min(...waiting.map((row) => row.notBefore));
      log(`${waiting.length} decisions open (next due in ${Math.round((next - Date.now()) / 1000)} s)`);
    }
  }
  const quietMs = Date.now() - faultsEnded;
  // Saves a fault left unanswered are made again, as the box does on close.
  for (const draftDriver of draftDrivers) await draftDriver.saveAgain();

  // The final sync: what the cache holds is then compared with WordPress (and colleagues' changes are
  // told). Full runs start it once no answer can still be on its way: a sync leaves a comment whose
  // decision was sent less than the client's timeout before it began as the user left it (cache-write.ts).
  // Short runs (the smoke) do not wait: the oracle leaves those comments out of the cache check.
  const lastSent = Math.max(0, ...outbox.map((row) => row.sentAt ?? 0));
  const settled = lastSent + maxTimeoutMs + 1000 - Date.now();
  if (settled > 0 && seconds > 120) await new Promise((wait) => setTimeout(wait, settled));
  // Sync now starts a sync of its own after one already running (the alarm's, or one a popup opened
  // by the UI share began earlier): the final sync is begun after this moment.
  const finalSyncAt = Date.now();
  const finalSync = await send<unknown>(browser, { type: 'syncNow' }, 300_000).catch((error: unknown) => error);
  log(`final sync: ${JSON.stringify(finalSync).slice(0, 200)}`);
  // What nothing else follows (a comment the colleague moved long after the user decided it, one a
  // job moved beyond the newest 100 it follows) each sync reads a page of, round the cache
  // (sync/sweep.ts): as many syncs more as the largest site's cache out of the queue needs.
  const outOfQueue = (await readRows<CommentRow>(browser, 'comments')).filter((row) => row.status !== 'hold');
  const rounds = Math.max(
    0,
    ...sites.map((site) => Math.ceil(outOfQueue.filter((row) => row.siteId === site.siteId).length / 100)),
  );
  for (let round = 0; round < rounds; round++) await send<unknown>(browser, { type: 'syncNow' }, 300_000);
  log(`the sweep went round the cache out of the queue in ${rounds} syncs more (${outOfQueue.length} comments)`);
  outbox = await readRows<OutboxRow>(browser, 'outbox');
  const cache = await readRows<CommentRow>(browser, 'comments');
  const jobs = await readRows<JobRow>(browser, 'jobs');
  const chunks = await readRows<JobChunkRow>(browser, 'jobChunks');
  const drafts = await readRows<DraftRow>(browser, 'drafts');
  const verdicts = [];
  for (const site of sites) {
    const server = await readAllComments(site.root, site.admin);
    const statusLedger = await readLedger(site.wp.info);
    const ours = outbox.filter((row) => row.siteId === site.siteId);
    const siteDrafts = drafts.filter((draft) => draft.siteId === site.siteId);
    const users = { editor: site.editor.id, admin: site.admin.id };
    const siteJobs = jobs.filter((job) => job.siteId === site.siteId);
    const siteChunks = chunks.filter((chunk) => siteJobs.some((job) => job.id === chunk.jobId));
    // What the oracle saw, beside the ledger: a failure is read from these files.
    writeFileSync(
      ledger.file.replace(/\.jsonl$/, `-${site.name}-server.json`),
      `${JSON.stringify({ statusLedger, outbox: ours.map(({ snapshot: _, ...row }) => row), drafts: siteDrafts, jobs: siteJobs, chunks: siteChunks, ...users }, null, 1)}\n`,
    );
    const siteCache = cache.filter((row) => row.siteId === site.siteId).map(({ id, status }) => ({ id, status }));
    const verdict = judge({
      lines: ledger.lines,
      site: site.name,
      server,
      statusLedger,
      outbox: ours,
      cache: siteCache,
      finalSyncAt,
      users,
    });
    const jobComments = new Set([...server.values()].filter((one) => one.post === site.jobPost).map((one) => one.id));
    const jobVerdict = judgeJobs(
      siteJobs,
      siteChunks,
      statusLedger.filter((entry) => jobComments.has(entry.comment)),
      site.editor.id,
    );
    const draftVerdict = judgeDrafts({
      lines: ledger.lines,
      site: site.name,
      drafts: siteDrafts,
      outbox: ours,
    });
    verdicts.push({ site: site.name, verdict, jobs: jobVerdict, drafts: draftVerdict });
  }
  const summary = report({ seed, seconds, comments, verdicts, faults: faults.counts(), quietMs, driverErrors, ledger });
  writeFileSync(ledger.file.replace(/\.jsonl$/, '-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  exitCode = summary.clean ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  for (const cleanup of cleanups) await cleanup().catch((error) => console.error('cleanup:', error));
}
process.exit(exitCode);
