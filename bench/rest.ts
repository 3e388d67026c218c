/**
 * npm run bench:rest [-- --smoke]
 * A status change through Freigabe's REST client (validation, classification, the returned-status
 * check, commenter IP and user agent sent back) against the same request sent by plain curl, in the
 * same run, on the native WordPress backend. Prints both medians and their ratio.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startWordPress } from '../scripts/wp/index.ts';
import { createWpClient } from '../src/shared/wp/client.ts';
import { benchCore } from './lib/core.ts';
import { median } from './lib/stats.ts';

const smoke = process.argv.includes('--smoke');
const rounds = smoke ? 4 : 60;
const port = Number(process.env.FREIGABE_BENCH_PORT ?? 8897);
const core = benchCore();
const dir = `.wp/bench-rest-${core}`;

rmSync(dir, { recursive: true, force: true });
const site = await startWordPress({ backend: 'native', port, dir, core, log: () => undefined });
console.log(`WordPress ${site.info.wpVersion} (${site.info.describe})`);
try {
  const editor = site.info.users.find((user) => user.key === 'editor');
  const id = site.info.comments.lena;
  if (!editor || !id) throw new Error('demo content incomplete');
  const preserve = {
    ip: '198.51.100.90',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  };
  const client = createWpClient({
    root: `${site.url}/wp-json/`,
    auth: { kind: 'application-password', username: editor.login, password: editor.applicationPassword },
  });
  const url = `${site.url}/wp-json/wp/v2/comments/${id}`;
  const viaClient: number[] = [];
  const viaCurl: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const target = i % 2 === 0 ? 'approved' : 'hold';
    const started = performance.now();
    const result = await client.setStatus(id, target, preserve);
    viaClient.push(performance.now() - started);
    if (result.outcome !== 'done') throw new Error('status change failed');

    const curl = spawnSync(
      'curl',
      [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code} %{time_total}',
        '-u',
        `${editor.login}:${editor.applicationPassword}`,
        '-H',
        'Content-Type: application/json',
        '-X',
        'POST',
        '-d',
        JSON.stringify({
          status: target === 'approved' ? 'hold' : 'approved',
          author_ip: preserve.ip,
          author_user_agent: preserve.userAgent,
        }),
        url,
      ],
      { encoding: 'utf8' },
    );
    const [code, seconds] = curl.stdout.split(' ');
    if (code !== '200') throw new Error(`curl: HTTP ${code}`);
    viaCurl.push(Number(seconds) * 1000);
  }
  const client50 = median(viaClient);
  const curl50 = median(viaCurl);
  console.log(`backend: native (${site.info.describe})`);
  console.log(
    `status change, median over ${rounds}: Freigabe client ${client50.toFixed(1)} ms · curl ${curl50.toFixed(1)} ms · ratio ${(client50 / curl50).toFixed(2)}`,
  );
} finally {
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
}
