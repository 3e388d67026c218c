/**
 * The storm soak's smoke (scripts/soak/, ADR 029): 60 seconds of decisions, a colleague and faults
 * against its own WordPress; asserts the oracle's zeros, never timings. A failure prints its seed.
 * In npm test/CI it runs one seed (SOAK_SEED overrides): a regression guard that stays green unless
 * something breaks. Random seeds are `npm run soak`'s job — they found two races in three runs on
 * 2026-12-07 (fixed, unit tests in outbox-undo-races.test.ts) and one oracle gap (an undo after the
 * user's retry overwrote a colleague restores the colleague's status: seed 724098), still open.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('storm soak smoke', () => {
  it('loses, doubles and strands nothing in 60 seconds of faults', { timeout: 900_000 }, () => {
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/soak/index.ts'], {
      encoding: 'utf8',
      env: { ...process.env, SOAK_S: process.env.SOAK_S ?? '60', SOAK_SEED: process.env.SOAK_SEED ?? '970147' },
      // A synchronous test is timed only after it returns: a hung soak is killed before the limit.
      timeout: 890_000,
      killSignal: 'SIGKILL',
    });
    expect(run.error, 'the soak ran past its time').toBeUndefined();
    const summary = /lost (\d+) · doubled (\d+) · stuck (\d+) · unexplained (\d+) · commenter data lost (\d+)/.exec(
      run.stdout,
    );
    expect(summary, `${run.stdout}\n${run.stderr}`).not.toBeNull();
    expect(Number(/decisions made: (\d+)/.exec(run.stdout)?.[1])).toBeGreaterThan(0);
    // The report (from its first line on) first: CI shows the start of a failure's message.
    const reported = run.stdout.slice(Math.max(0, run.stdout.indexOf('\nsoak seed ')));
    expect(summary?.slice(1).map(Number), reported).toEqual([0, 0, 0, 0, 0]);
    expect(run.status).toBe(0);
  });
});
