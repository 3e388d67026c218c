/** Running jobs in unit tests: a clock the runner's waits move forward, no real sleeping. */
import type { BackgroundContext } from '../../src/background/context.ts';
import { runJobs } from '../../src/background/jobs/run.ts';

export function clockTiming(clock: { now: number }) {
  return {
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.now += Math.max(0, ms);
    },
  };
}

/** One run, its waits on the test's clock; `afterChunk` as the badge would be. */
export function runOnce(ctx: BackgroundContext, clock: { now: number }, afterChunk?: () => Promise<void>) {
  return runJobs(ctx, { timing: clockTiming(clock), limits: { maxMs: 10 * 60_000, maxSleepMs: 20_000 }, afterChunk });
}
