/**
 * Loaded into the extension's service worker by bench/lib/worker-throughput.ts (bundled as an IIFE,
 * global `FreigabeFloodTrash`): Freigabe's REST client trashing comments `concurrency` at a time
 * with the worker's own fetch, answering the wall time and each request's latency. `bare`: the
 * same requests by the worker's fetch alone (the body read as text, nothing parsed) — what the
 * browser itself costs per request, without our client.
 */
import { createWpClient } from '../../src/shared/wp/client.ts';

export async function trash(
  root: string,
  login: string,
  password: string,
  ids: number[],
  concurrency: number,
  bare = false,
): Promise<{ ms: number; latencies: number[]; notDone: number }> {
  const authorization = `Basic ${btoa(`${login}:${password}`)}`;
  const bareTrash = async (id: number) => {
    const response = await fetch(`${root}wp/v2/comments/${id}?_fields=id,status`, {
      method: 'DELETE',
      headers: { Authorization: authorization },
    });
    await response.text();
    return { outcome: response.ok ? 'done' : 'failed' };
  };
  const client = createWpClient({
    root,
    auth: { kind: 'application-password', username: login, password },
    fetch: (input, init) => fetch(input, init),
  });
  const latencies: number[] = [];
  let notDone = 0;
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++] as number;
      const sent = performance.now();
      const answer = bare ? await bareTrash(id) : await client.trash(id);
      latencies.push(performance.now() - sent);
      if (answer.outcome !== 'done') notDone += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, lane));
  return { ms: performance.now() - started, latencies, notDone };
}
