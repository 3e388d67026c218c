/**
 * REST singles at a fixed concurrency: one `DELETE wp/v2/comments/{id}` (to Trash) per comment,
 * `concurrency` in flight, sent by
 * - curl (`--parallel --parallel-max N`: one process, no client of ours — the floor), or
 * - Freigabe's own REST client (src/shared/wp/client.ts, `trash`) in Node, with undici's fetch.
 * Answers comments/s over the wall time and each request's latency (p50/p95).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWpClient } from '../../src/shared/wp/client.ts';
import { median, percentile } from './stats.ts';

export interface Account {
  login: string;
  applicationPassword: string;
}

export interface Throughput {
  /** curl; Freigabe's client in Node; Freigabe's client in the extension's service worker */
  client: 'curl' | 'freigabe' | 'worker';
  concurrency: number;
  count: number;
  ms: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export function summary(
  client: Throughput['client'],
  concurrency: number,
  ms: number,
  latencies: number[],
): Throughput {
  return {
    client,
    concurrency,
    count: latencies.length,
    ms,
    perSecond: latencies.length / (ms / 1000),
    p50Ms: median(latencies),
    p95Ms: percentile(latencies, 0.95),
  };
}

/** curl trashes these comments, `concurrency` at a time; every answer must be 200. */
export function curlTrash(restRoot: string, account: Account, ids: readonly number[], concurrency: number): Throughput {
  const dir = mkdtempSync(join(tmpdir(), 'freigabe-flood-curl-'));
  try {
    const config = join(dir, 'requests.txt');
    // `next` separates the transfers, and options hold for one transfer only: each repeats them all.
    const credentials = `${account.login}:${account.applicationPassword}`;
    writeFileSync(
      config,
      ids
        .map(
          (id) =>
            `url = "${restRoot}wp/v2/comments/${id}"\nrequest = "DELETE"\noutput = "/dev/null"\n` +
            `user = "${credentials}"\nwrite-out = "%{http_code} %{time_total}\\n"\n`,
        )
        .join('next\n'),
    );
    const started = performance.now();
    const run = spawnSync(
      'curl',
      ['--silent', '--parallel', '--parallel-immediate', '--parallel-max', String(concurrency), '--config', config],
      { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`curl exited with ${run.status}: ${run.stderr}`);
    const answers = run.stdout.trim().split('\n');
    const failed = answers.filter((line) => !line.startsWith('200 '));
    if (answers.length !== ids.length || failed.length > 0) {
      throw new Error(
        `curl: ${answers.length - failed.length} of ${ids.length} trashed (${failed.slice(0, 3).join('; ')})`,
      );
    }
    return summary(
      'curl',
      concurrency,
      ms,
      answers.map((line) => Number(line.split(' ')[1]) * 1000),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Freigabe's REST client trashes these comments, `concurrency` requests in flight. */
export async function clientTrash(
  restRoot: string,
  account: Account,
  ids: readonly number[],
  concurrency: number,
): Promise<Throughput> {
  const client = createWpClient({
    root: restRoot,
    auth: { kind: 'application-password', username: account.login, password: account.applicationPassword },
    fetch: (input, init) => fetch(input, init),
  });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++] as number;
      const sent = performance.now();
      const answer = await client.trash(id);
      latencies.push(performance.now() - sent);
      if (answer.outcome !== 'done') throw new Error(`comment ${id}: ${answer.outcome}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, lane));
  return summary('freigabe', concurrency, performance.now() - started, latencies);
}

export const formatThroughput = (figures: Throughput) =>
  `${figures.perSecond.toFixed(1).padStart(6)} comments/s · p50 ${Math.round(figures.p50Ms)
    .toString()
    .padStart(4)} ms · p95 ${Math.round(figures.p95Ms).toString().padStart(4)} ms`;
