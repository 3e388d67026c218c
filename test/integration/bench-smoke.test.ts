/** Each benchmark runs for a few seconds in `npm test` so it never rots; the figures are printed, not asserted. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Benches that import the extension's source run with the benches' own tsconfig. */
const withSource = ['--tsconfig', 'bench/tsconfig.json'];

/**
 * A bench run in its smoke size: its output, once it ended cleanly. Killed a few seconds before the
 * test's own limit — a synchronous test is only timed after it returns, so a hung bench would hold
 * the lane forever.
 */
function smokeRun(args: readonly string[], limitMs: number, env: Record<string, string> = {}): string {
  const run = spawnSync('node_modules/.bin/tsx', [...args, '--smoke'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: limitMs - 5_000,
    killSignal: 'SIGKILL',
  });
  // Killed: where it stood is the end of what it printed.
  const tail = (text: string) => text.split('\n').slice(-12).join('\n');
  expect(
    run.error,
    `the bench ran past its time; it printed last:\n${tail(run.stdout)}\n${tail(run.stderr)}`,
  ).toBeUndefined();
  // Nothing on stderr but the harness saying it recovered (a sign-in form sent again, Chromium
  // started once more: scripts/extension-browser.ts); a loaded machine may need those.
  const recovered =
    /: not signed in 20 s after Enter; the form once more$|^Chromium did not start within \d+ s; starting it once more$/;
  expect(run.stderr.split('\n').filter((line) => line !== '' && !recovered.test(line))).toEqual([]);
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('benchmark smoke runs', () => {
  it('bench:wp measures the native backend', { timeout: 60_000 }, () => {
    const stdout = smokeRun(['bench/wp.ts', '--backend=native'], 60_000);
    expect(stdout).toMatch(/backend: native/);
    expect(stdout).toMatch(/cold start .*: \d+\.\d s/);
    expect(stdout).toMatch(/one status change: +median \d+ ms over 3/);
  });

  it('bench:rest compares the client with curl', { timeout: 60_000 }, () => {
    const stdout = smokeRun([...withSource, 'bench/rest.ts'], 60_000);
    expect(stdout).toMatch(/backend: native/);
    expect(stdout).toMatch(/Freigabe client \d+\.\d ms · curl \d+\.\d ms · ratio \d+\.\d\d/);
  });

  it('bench:sync syncs, flushes and compares with curl, wp-admin and the extension', { timeout: 120_000 }, () => {
    // With the Chromium trace (BENCH_TRACE=1, bench/lib/chromium-trace.ts), so it never rots either.
    const stdout = smokeRun([...withSource, 'bench/sync.ts', '--profile'], 120_000, { BENCH_TRACE: '1' });
    expect(stdout).toMatch(/backend: native/);
    expect(stdout).toMatch(/initial sync: \d+ comments in \d+\.\d\d s .* ratio \d+\.\d\d/);
    expect(stdout).toMatch(/flush of 20 decisions: .* ratio \d+\.\d\d/);
    expect(stdout).toMatch(
      /initial sync in the extension's service worker: \d+ comments in \d+\.\d\d s .* heap \d+\.\d → peak \d+\.\d MiB/,
    );
    expect(stdout).toMatch(/flush in the extension's service worker: 20 decisions .* heap \d+\.\d → peak \d+\.\d MiB/);
    // --profile: the worker's CPU profile of each phase, its requests and Chromium's CPU.
    expect(
      stdout.match(/worker CPU profile \S+\.cpuprofile: busy \d+\.\d\d s of \d+\.\d\d s; [1-9]\d* requests/g),
    ).toHaveLength(2);
    // How long the wire was empty: before the first request, between requests, after the last.
    expect(
      stdout.match(/none on the wire -?\d+ ms before the first, \d+ ms between, -?\d+ ms after the last/g),
    ).toHaveLength(2);
    expect(stdout).toMatch(/Chromium's processes used CPU: .*renderer \d+\.\d\d s/);
    expect(stdout).toMatch(/most self time:\n +\d+ ms {2}\S/);
    // The worker's requests by route (the flush's status changes among them).
    expect(stdout).toMatch(/ {2}requests: .*\d+ POST \/wp-json\/wp\/v2\/comments\/N/);
    // The trace: each Chromium thread's CPU from /proc, the top-level tasks by thread and by who posted them.
    expect(stdout.match(/Chromium's threads used CPU \(from \/proc\): \S/g)).toHaveLength(2);
    expect(stdout.match(/trace \S+\.trace\.json; top-level tasks' CPU by thread:\n +\d+ ms {2}\S+/g)).toHaveLength(2);
    expect(stdout).toMatch(/by the code that posted them:\n +\d+ ms {2}\S/);
    expect(stdout).toMatch(/wp-admin bulk "Approve" of 20 comments in Chromium: \d+\.\d\d s .* ratio .* \d+\.\d\d/);
  });

  it('content detection runs in Chromium and its bundle stays small', { timeout: 90_000 }, () => {
    const stdout = smokeRun(['bench/content-detect.ts'], 90_000);
    expect(stdout).toMatch(/1,000-comment page \(1000 found, \d+ pending\): detectPage median \d+\.\d+ ms · p95/);
    expect(stdout).toMatch(/non-WordPress page: detectPage median \d+\.\d+ ms/);
    expect(stdout).toMatch(/fixture pages in Chromium: (\d+) of \1 agree with their answer keys\n/);
    const gzipKb = Number(/detect bundle: (\d+\.\d) kB gzip/.exec(stdout)?.[1]);
    expect(gzipKb).toBeGreaterThan(0);
    expect(gzipKb).toBeLessThanOrEqual(10);
  });

  it('the inline view loads on a 1,000-comment article in Chromium', { timeout: 90_000 }, () => {
    const stdout = smokeRun(['bench/content-inline.ts'], 90_000);
    expect(stdout).toMatch(/\(1000 comments found, 40 pending in the cache\)/);
    expect(stdout).toMatch(/synchronous work at load \(detect \+ start\): median \d+\.\d\d ms/);
    // Every card arrives, in the same places each run; each long task is attributed to what ran in it.
    expect(stdout).toMatch(
      /every card rendered \(40 cards, in idle slices\): median \d+\.\d\d ms after the answer; all 40 with their content, in the same places, in every run: yes/,
    );
    expect(stdout).toMatch(/long tasks \(> 50 ms\): \d+ in 3 loads/);
    // Toolbars are mounted near the viewport only, never for the whole thread.
    const toolbars = Number(/toolbars mounted near the viewport: (\d+) of 1000/.exec(stdout)?.[1]);
    expect(toolbars).toBeGreaterThan(0);
    expect(toolbars).toBeLessThan(100);
  });

  it('bench:popup drives the popup and wp-admin by keyboard, and opens the popup on a full cache', {
    timeout: 240_000,
  }, () => {
    const stdout = smokeRun(['bench/popup.ts'], 240_000);
    expect(stdout).toMatch(/popup JavaScript: \d+\.\d kB gzip/);
    expect(stdout).toMatch(
      /run 1: popup \d+\.\d\d s until the server confirmed the last decision \(\d+ keys, the keys done at \d+\.\d\d s; server: approved 5, spam 5\)/,
    );
    expect(stdout).toMatch(
      /ratio popup \/ wp-admin per run: \d+\.\d\d; median \d+\.\d\d; within the goal in [01] of 1 runs/,
    );
    expect(stdout).toMatch(/first contentful paint \d+ ms after navigation start/);
    expect(stdout).toMatch(/first paint → first rows, each opening: -?\d+ ms loading the script/);
    expect(stdout).toMatch(/holding j 1\.00 s \(\d+ presses, moved \d+ rows\): \d+ long tasks/);
  });

  it('bench:flood seeds a flood by SQL and clears it through wp-admin, curl and the extension', {
    timeout: 300_000,
  }, () => {
    const stdout = smokeRun([...withSource, 'bench/flood.ts'], 300_000);
    expect(stdout).toMatch(/backend: native/);
    expect(stdout).toMatch(
      /seeded 200 pending comments on \d+ posts by SQL in \d+\.\d\d s \(WordPress recounted: 200 pending\)/,
    );
    expect(stdout).toMatch(/count \+ preview over REST .*: 200 in \d+ ms, first 20 rows/);
    // The job rounds run in the extension (the job engine, with and without the Bridge).
    expect(stdout).toMatch(/count \+ preview through the extension \(previewJob\): 200 and \d+ rows in \d+ ms/);
    expect(stdout).toMatch(
      /trash through the Bridge \(extension job\): 200 of 200 in \d+\.\d\d s .* worker heap \d+\.\d → peak \d+\.\d MiB/,
    );
    // The popup's long tasks are split: during the job (the goal) and the popup's own opening before it.
    expect(stdout).toMatch(
      /popup long tasks > 100 ms during the job: \d+.*; \d+ while the popup opened, before the job\)/,
    );
    expect(stdout).toMatch(
      /trash by REST singles \(extension job, Bridge off\): 40 of 40 in \d+\.\d\d s .* worker heap \d+\.\d → peak \d+\.\d MiB/,
    );
    expect(stdout).toMatch(/trash in wp-admin .*: 200 in \d+\.\d\d s \(\d+ comments\/s; 1 pages/);
    expect(stdout).toMatch(/trash by curl, \d+ in flight \(the floor\): 40 in \d+\.\d\d s/);
    // Under each round, WordPress's own time per kind of request (bench/lib/request-log.ts).
    expect(stdout).toMatch(/\n {2}WordPress busy \d+\.\d\d s of \d+\.\d\d s \(up to \d+ at once\): .*Bridge bulk \d+×/);
    for (const level of [1, 2, 4, 8, 16, 32]) {
      expect(stdout).toMatch(
        new RegExp(
          `\\n +${level} \\|( +\\d+\\.\\d comments/s · p50 +\\d+ ms · p95 +\\d+ ms \\|){3} +\\d+\\.\\d comments/s`,
        ),
      );
    }
    expect(stdout).toMatch(/20 approvals in wp-admin \(bulk Approve, one page\): \d+\.\d\d s/);
  });

  it('bench:bulk-profile splits a bulk request’s server time: wp-admin’s loop, the Bridge, its id listing', {
    timeout: 300_000,
  }, () => {
    const stdout = smokeRun([...withSource, 'bench/bulk-profile.ts'], 300_000);
    expect(stdout).toMatch(/WordPress 7\.1 \(native\), 20 pending comments, trash, 1 rounds/);
    expect(stdout).toMatch(
      /wp-admin's bulk loop \(edit-comments\.php\): 20 in \d+ ms .* queries a comment .* trashed_comment 1/,
    );
    expect(stdout).toMatch(/the Bridge's bulk route \(rest_do_request\): 20 in \d+ ms .*HTTP 200.* trashed_comment 1/);
    expect(stdout).toMatch(/the Bridge's id listing \(one page\): 20 in \d+ ms/);
    expect(stdout).toMatch(/round 1, over HTTP, 1 request of 20: 20 in \d+ ms/);
    expect(stdout).toMatch(/median over HTTP: 1 request of 20 \d+ ms · pieces of 100, 4 at once \d+ ms/);
    expect(stdout).toMatch(/median: wp-admin \d+ ms, Bridge \d+ ms \(ratio \d+\.\d\d\)/);
  });

  it('bench:job-concurrency measures the job’s REST route against requests in flight', { timeout: 120_000 }, () => {
    const stdout = smokeRun([...withSource, 'bench/job-concurrency.ts'], 120_000);
    expect(stdout).toMatch(/WordPress 7\.1 .*; 40 approvals per level/);
    expect(stdout).toMatch(/ 1 in flight: \d+\.\d comments\/s/);
    expect(stdout).toMatch(/ 4 in flight: \d+\.\d comments\/s/);
    expect(stdout).toMatch(
      /whole job, adaptive: 40 approved in \d+\.\d s \(\d+\.\d comments\/s\), limit settled at \d+/,
    );
  });
});
