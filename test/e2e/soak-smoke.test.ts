/**
 * The storm soak's smoke (scripts/soak/, ADR 029): 45 seconds of decisions (a share of them through
 * the popup's keys and clicks on the article), a colleague and faults
 * against its own two WordPress sites (Bridge and none; the final sync waits out the client's 20-second
 * timeout after the last send, so the whole run stays near 80 s); asserts the oracle's zeros, never
 * timings. A failure prints its seed.
 * In npm test/CI it runs one seed (SOAK_SEED overrides): a regression guard that stays green unless
 * something breaks. Random seeds are `npm run soak`'s job — they found two races in three runs on
 * 2026-12-07 (fixed, unit tests in outbox-undo-races.test.ts) and one oracle gap (an undo after the
 * user's retry overwrote a colleague restores the colleague's status: seed 724098), counted with
 * the retries over a colleague since (unit test: soak-oracle.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('storm soak smoke', () => {
  it('loses, doubles and strands nothing in 45 seconds of faults on two sites', { timeout: 900_000 }, () => {
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/soak/index.ts'], {
      encoding: 'utf8',
      env: { ...process.env, SOAK_S: process.env.SOAK_S ?? '45', SOAK_SEED: process.env.SOAK_SEED ?? '970147' },
      // A synchronous test is timed only after it returns: a hung soak is killed before the limit.
      timeout: 890_000,
      killSignal: 'SIGKILL',
    });
    expect(run.error, 'the soak ran past its time').toBeUndefined();
    const summary =
      /lost (\d+) · doubled (\d+) · stuck (\d+) · unexplained (\d+) · commenter data lost (\d+) · back in queue (\d+) · cache differs (\d+) · drafts lost (\d+)/.exec(
        run.stdout,
      );
    expect(summary, `${run.stdout}\n${run.stderr}`).not.toBeNull();
    expect(Number(/decisions made: (\d+)/.exec(run.stdout)?.[1])).toBeGreaterThan(0);
    // A share of them through the UI (keys in the popup, clicks on the article), judged like the rest.
    const byUi = /popup-keys (\d+) .*; article-click (\d+) /.exec(run.stdout);
    expect(Number(byUi?.[1]) + Number(byUi?.[2]), 'decisions made through the UI').toBeGreaterThan(0);
    // The report (from its first line on) first: CI shows the start of a failure's message.
    const reported = run.stdout.slice(Math.max(0, run.stdout.indexOf('\nsoak seed ')));
    expect(summary?.slice(1).map(Number), reported).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(run.status).toBe(0);
  });
});
