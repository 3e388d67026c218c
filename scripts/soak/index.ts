/**
 * npm run soak — the storm soak (issue 13, ADR 029). SOAK_SEED picks the run (printed, so any run is
 * replayed), SOAK_S its length in seconds (default 600; `npm test` runs a 60-second smoke),
 * SOAK_COMMENTS the pending comments seeded (default 3,000; 600 for runs of 2 minutes or less),
 * FREIGABE_SOAK_PORT the WordPress port (default 8901).
 *
 * A real native WordPress with the `status-ledger` scenario, the test build in Chromium connected
 * through the fault proxy, a seeded moderator deciding through the extension's messages, a second
 * moderator over REST, seeded faults; then faults off, the outbox left to settle, and the oracle
 * (oracle.ts). Exits 1 when anything was lost, doubled, stuck or unexplained.
 */
import { writeFileSync } from 'node:fs';
import type { OutboxRow } from '../../src/shared/db/index.ts';
import { startFaultProxy } from '../../test/support/fault-proxy-server.ts';
import { addComments, startWordPress } from '../wp/index.ts';
import { demoUser, restRoot } from '../wp/rest.ts';
import { setScenarios } from '../wp/scenarios.ts';
import { clearLedger, readLedger } from '../wp/status-ledger.ts';
import { readRows, revive, send, startSoakBrowser } from './browser.ts';
import { createDriver } from './driver.ts';
import { createFaultScheduler } from './faults.ts';
import { openLedger } from './ledger.ts';
import { moderate, moderatorStatuses } from './moderator.ts';
import { judge } from './oracle.ts';
import { seededRandom } from './random.ts';
import { report } from './report.ts';
import { readAllComments } from './server-state.ts';

const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
const seconds = Number(process.env.SOAK_S ?? 600);
const comments = Number(process.env.SOAK_COMMENTS ?? (seconds <= 120 ? 600 : 3000));
const port = Number(process.env.FREIGABE_SOAK_PORT ?? 8901);
/** how long the outbox may take to settle once the faults are off (backoff is capped at 10 minutes) */
const quietLimitMs = Number(process.env.SOAK_QUIET_S ?? (seconds <= 120 ? 240 : 660)) * 1000;
const undoWindowSeconds = 2;
const log = (message: string) => console.log(`[soak ${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`);
const started = Date.now();
const random = seededRandom(seed);
const ledger = openLedger(seed);
console.log(
  `soak: seed ${seed}, ${seconds} s, ${comments} pending comments (replay: SOAK_SEED=${seed} SOAK_S=${seconds})`,
);

const site = await startWordPress({ backend: 'native', port, dir: '.wp/soak', fresh: true, log: () => undefined });
const cleanups: (() => Promise<unknown>)[] = [() => site.stop()];
let exitCode = 1;
try {
  const root = restRoot(site.info);
  const admin = demoUser(site.info, 'admin');
  const editor = demoUser(site.info, 'editor');
  await setScenarios(site, ['status-ledger']);
  await clearLedger(site.info);
  const perPost = Math.ceil(comments / site.info.posts.length);
  for (const post of site.info.posts) await addComments(site, post.id, perPost);
  log(
    `WordPress ${site.info.wpVersion} at ${site.url}: ${perPost * site.info.posts.length} pending on ${site.info.posts.length} posts`,
  );

  const proxy = await startFaultProxy(site.url);
  cleanups.unshift(() => proxy.close());
  const browser = await startSoakBrowser(proxy.url, editor.login, editor.applicationPassword, undoWindowSeconds);
  cleanups.unshift(() => browser.current.close());
  const synced = await send<{ pending: number }[]>(browser, { type: 'syncNow' }, 300_000);
  log(
    `connected through the fault proxy ${proxy.url}; first sync: ${synced.ok ? synced.value[0]?.pending : JSON.stringify(synced)}`,
  );

  const driver = createDriver(browser, ledger, random, seed, undoWindowSeconds * 1000);
  await driver.refresh();
  const faults = createFaultScheduler(proxy, browser, ledger, random, { gapMs: [4_000, 12_000] });
  const endAt = Date.now() + seconds * 1000;
  let steps = 0;
  let driverErrors = 0;
  while (Date.now() < endAt) {
    const restarting = faults.due(Date.now());
    await faults.tick(Date.now());
    if (restarting) await driver.refresh();
    if (random.chance(0.12) && driver.recent().length > 0) {
      const commentId = random.pick(driver.recent());
      const status = random.pick(moderatorStatuses);
      const at = Date.now();
      const change = await moderate(root, admin, commentId, status);
      ledger.write({ kind: 'moderator', at, answeredAt: Date.now(), commentId, status, result: change.result });
    }
    try {
      await driver.step();
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
        await driver.refresh();
      }
    }
    steps += 1;
    if (steps % 40 === 0) await driver.refresh();
    await new Promise((wait) => setTimeout(wait, random.int(100, 600)));
  }
  faults.stop();
  proxy.fault = 'none';
  const faultsEnded = faults.lastEndedAt() ?? Date.now();
  log('faults off: waiting for the outbox to settle');

  // Rows held behind a failed or conflicting decision the user is shown never settle by themselves (flush.ts).
  const open = (rows: OutboxRow[]) =>
    rows.filter(
      (row) =>
        (row.state === 'waiting' || row.state === 'sending') &&
        !rows.some(
          (other) =>
            other.commentId === row.commentId &&
            (other.id ?? 0) < (row.id ?? 0) &&
            (other.state === 'failed' || other.state === 'conflict'),
        ),
    );
  let outbox = await readRows<OutboxRow>(browser, 'outbox');
  const quietDeadline = Date.now() + quietLimitMs;
  while (open(outbox).length > 0 && Date.now() < quietDeadline) {
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

  const server = await readAllComments(root, admin);
  const statusLedger = await readLedger(site.info);
  const ours = outbox.filter((row) => row.siteId === browser.siteId);
  // What the oracle saw, beside the ledger: a failure is read from these three files.
  writeFileSync(
    ledger.file.replace(/\.jsonl$/, '-server.json'),
    `${JSON.stringify({ statusLedger, outbox: ours.map(({ snapshot: _, ...row }) => row), editor: editor.id, admin: admin.id }, null, 1)}\n`,
  );
  const verdict = judge(ledger.lines, server, statusLedger, ours, { editor: editor.id, admin: admin.id });
  const summary = report({ seed, seconds, comments, verdict, faults: faults.counts(), quietMs, driverErrors, ledger });
  writeFileSync(ledger.file.replace(/\.jsonl$/, '-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  exitCode = summary.clean ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  for (const cleanup of cleanups) await cleanup().catch((error) => console.error('cleanup:', error));
}
process.exit(exitCode);
