/**
 * npm run bench:wp [-- --backend=native|playground|both] [--smoke]
 * Cold start of the demo WordPress (fresh site: files, database, install, seed) and warm restart,
 * then the REST latency the extension lives with: list 100 pending with context=edit, and one
 * status change. Prints the figures and the backend they ran on. `--smoke` is the seconds-long
 * run `npm test` does so this never rots.
 */
import { rmSync } from 'node:fs';
import { type BackendName, startWordPress } from '../scripts/wp/index.ts';
import { basicAuth, demoUser } from '../scripts/wp/rest.ts';
import { benchCore } from './lib/core.ts';
import { median } from './lib/stats.ts';

const smoke = process.argv.includes('--smoke');
const choice = process.argv.find((arg) => arg.startsWith('--backend='))?.split('=')[1] ?? 'native';
const backends: BackendName[] = choice === 'both' ? ['native', 'playground'] : [choice as BackendName];
const rounds = smoke ? 3 : 30;
const core = benchCore();

async function timed(run: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await run();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return performance.now() - start;
}

async function bench(backend: BackendName, port: number): Promise<void> {
  const dir = `.wp/bench-${backend}-${core}`;
  rmSync(dir, { recursive: true, force: true });
  const log = () => undefined;
  const cold = await startWordPress({ backend, port, dir, core, log });
  await cold.stop();
  const site = await startWordPress({ backend, port, dir, core, log });
  try {
    const editor = demoUser(site.info, 'editor');
    const headers = {
      Authorization: basicAuth(editor),
      'Content-Type': 'application/json',
    };
    const list = `${site.url}/wp-json/wp/v2/comments?status=hold&type=all&per_page=100&context=edit`;
    const commentId = site.info.comments.lena;
    const listTimes: number[] = [];
    const updateTimes: number[] = [];
    for (let i = 0; i < rounds; i++) {
      listTimes.push(await timed(() => fetch(list, { headers })));
      const status = i % 2 === 0 ? 'approved' : 'hold';
      updateTimes.push(
        await timed(() =>
          fetch(`${site.url}/wp-json/wp/v2/comments/${commentId}`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ status }),
          }),
        ),
      );
    }
    console.log(`backend: ${backend}, WordPress ${site.info.wpVersion} (${site.info.describe})`);
    console.log(`  cold start (new site: files, database, install, seed): ${(cold.startupMs / 1000).toFixed(1)} s`);
    console.log(`  warm start (existing site):                             ${(site.startupMs / 1000).toFixed(1)} s`);
    console.log(`  list 100 pending, context=edit: median ${median(listTimes).toFixed(0)} ms over ${rounds}`);
    console.log(`  one status change:              median ${median(updateTimes).toFixed(0)} ms over ${rounds}`);
  } finally {
    await site.stop();
    if (smoke) rmSync(dir, { recursive: true, force: true });
  }
}

let port = Number(process.env.FREIGABE_BENCH_PORT ?? 8895);
for (const backend of backends) await bench(backend, port++);
