/**
 * Deadlines for the test harness's own steps (start a browser, sign in, connect, ask WordPress to
 * set something up). A step that hangs fails after its own deadline with its name, instead of the
 * whole hook or test timing out without saying where: setups hung that way three times in full
 * runs (an `inline` beforeAll, a `connect-locked-down` test, the `update` beforeAll in CI), never
 * alone. With the name comes what the machine's servers and browsers were doing at that moment.
 */
import { spawnSync } from 'node:child_process';

/** A harness step that did not finish within its deadline. */
export class StallError extends Error {
  override name = 'StallError';
}

/** `work`, or a StallError naming `step` once `ms` have passed without it settling. */
export async function withDeadline<T>(step: string, ms: number, work: Promise<T> | (() => Promise<T>)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StallError(`${step} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([typeof work === 'function' ? work() : work, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What the web servers, databases and browsers on this machine are doing (state, kernel wait,
 * CPU time), for a stall's report: a PHP worker stuck in a read, or a browser at 100 %, tell apart
 * where the time went.
 */
export function processSnapshot(): string {
  const ps = spawnSync('ps', ['-eo', 'pid,ppid,stat,wchan:24,etime,time,args', '--sort=pid'], { encoding: 'utf8' });
  if (ps.status !== 0) return '(ps failed)';
  const [header = '', ...lines] = ps.stdout.split('\n');
  const ours = lines.filter((line) => /\b(php|mariadbd|mysqld|chrom)/.test(line)).map((line) => line.slice(0, 220));
  return [header, ...ours].join('\n');
}
