/**
 * REST singles from inside the extension's service worker: Freigabe's own client (bundled from
 * src/shared/wp/client.ts by bench/lib/worker-trash.ts) evaluated in the running worker through
 * DevTools, so the requests go out through Chromium's network stack with the worker's fetch, as the
 * job engine's do. The worker needs the site's host permission (granted when it connected).
 */
import type { Worker } from 'playwright-core';
import { bundleIife } from './bundle.ts';
import { type Account, summary, type Throughput } from './throughput.ts';

let bundled: Promise<string> | undefined;

export async function workerTrash(
  worker: Worker,
  root: string,
  account: Account,
  ids: readonly number[],
  concurrency: number,
  bare = false,
): Promise<Throughput> {
  bundled ??= bundleIife('bench/lib/worker-trash.ts', 'FreigabeFloodTrash');
  const code = await bundled;
  // A worker that was stopped and started again has lost it: load it when it is missing.
  const loaded = await worker.evaluate(() => 'FreigabeFloodTrash' in globalThis);
  if (!loaded) await worker.evaluate(`${code};globalThis.FreigabeFloodTrash = FreigabeFloodTrash;0`);
  const result = await worker.evaluate(
    ([root, login, password, ids, concurrency, bare]) =>
      (
        globalThis as unknown as {
          FreigabeFloodTrash: {
            trash(...args: unknown[]): Promise<{ ms: number; latencies: number[]; notDone: number }>;
          };
        }
      ).FreigabeFloodTrash.trash(root, login, password, ids, concurrency, bare),
    [root, account.login, account.applicationPassword, [...ids], concurrency, bare] as const,
  );
  if (result.notDone > 0) throw new Error(`in the worker: ${result.notDone} of ${ids.length} not trashed`);
  return summary('worker', concurrency, result.ms, result.latencies);
}
