/**
 * npm run bench:bulk-profile — where a bulk request's server time goes (ADR 023). The same pending
 * comments (BULK_PROFILE_N, default 1,000, written by SQL and written again before each round) are
 * trashed inside WordPress by wp-admin's bulk loop and by the Freigabe Bridge's bulk route (through
 * rest_do_request), and listed by the Bridge's id route: milliseconds, queries and hooks fired per
 * comment, from PHP CLI on the native test WordPress (bench/lib/php/bulk-profile.php). Reports, never
 * asserts.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWordPress } from '../scripts/wp/index.ts';
import { setupTarget } from '../scripts/wp/layouts.ts';
import { findNativeTools } from '../scripts/wp/native.ts';
import { basicAuth, demoUser } from '../scripts/wp/rest.ts';
import { setBridge } from '../scripts/wp/scenarios.ts';
import { bridgePieces, bridgeRequestsInFlight } from '../src/background/jobs/bridge-route.ts';
import { benchCore } from './lib/core.ts';
import { floodDb, seedFlood } from './lib/flood-seed.ts';
import { median } from './lib/stats.ts';

interface Profile {
  n: number;
  status: number | null;
  ms: number;
  msPerComment: number;
  queries: number;
  queriesPerComment: number;
  dbMs: number;
  queryKinds: Record<string, number>;
  hooksPerComment: Record<string, number>;
  akismetActive: boolean;
}

const smoke = process.argv.includes('--smoke');
const count = Number(process.env.BULK_PROFILE_N ?? (smoke ? 20 : 1000));
const rounds = Number(process.env.BULK_PROFILE_ROUNDS ?? (smoke ? 1 : 3));
const action = process.env.BULK_PROFILE_ACTION ?? 'trash';
const port = Number(process.env.FREIGABE_BENCH_PORT ?? 8900);
const core = benchCore();
const dir = `.wp/bench-bulk-profile-${core}`;
const script = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'php', 'bulk-profile.php');

rmSync(dir, { recursive: true, force: true });
const site = await startWordPress({ backend: 'native', port, dir, core, log: () => undefined });
try {
  const { tools } = findNativeTools();
  if (!tools) throw new Error('the native backend is missing');
  await setBridge(site, true);
  const db = floodDb(site);
  const posts = site.info.posts.map((post) => post.id);
  const editor = demoUser(site.info, 'editor');
  console.log(
    `WordPress ${site.info.wpVersion} (native), ${count} pending comments, ${action}, ${rounds} rounds, as ${editor.login}; load ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
  const labels = {
    'wp-admin': "wp-admin's bulk loop (edit-comments.php)",
    bridge: "the Bridge's bulk route (rest_do_request)",
    ids: "the Bridge's id listing (one page)",
  } as const;
  const times: Record<string, number[]> = { 'wp-admin': [], bridge: [], ids: [] };
  for (let round = 1; round <= rounds; round += 1) {
    // Every other round the other way round: the database's state after re-seeding favours neither.
    const order = round % 2 === 1 ? (['wp-admin', 'bridge', 'ids'] as const) : (['bridge', 'wp-admin', 'ids'] as const);
    for (const mode of order) {
      seedFlood(db, site, { count, posts });
      const ids = db
        .sql(`SELECT comment_ID FROM wp_comments WHERE comment_ID > ${db.baseline} ORDER BY 1`)
        .trim()
        .split('\n');
      const run = spawnSync(
        tools.php,
        [script, setupTarget(site).wordpressDir, site.url, String(editor.id), action, mode, ids.join(',')],
        { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
      );
      if (run.status !== 0) throw new Error(`${mode}: ${run.stderr}${run.stdout}`);
      const figures = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Profile;
      times[mode]?.push(figures.ms);
      const hooks = Object.entries(figures.hooksPerComment)
        .filter(([name, perComment]) => perComment >= 1 && !['query', 'log_query_custom_data'].includes(name))
        .map(([name, perComment]) => `${name} ${perComment}`)
        .join(', ');
      console.log(
        `round ${round}, ${labels[mode]}: ${figures.n} in ${figures.ms.toFixed(0)} ms (${figures.msPerComment.toFixed(2)} ms a comment; ` +
          `HTTP ${figures.status ?? '—'}); ${figures.queriesPerComment} queries a comment (${figures.queries}, ${figures.dbMs.toFixed(0)} ms in the database: ` +
          `${Object.entries(figures.queryKinds)
            .map(([kind, n]) => `${kind} ${n}`)
            .join(
              ', ',
            )})${hooks ? `; hooks a comment: ${hooks}` : ''}; Akismet ${figures.akismetActive ? 'active' : 'inactive'}`,
      );
    }
  }
  // Over HTTP, as the job drives the Bridge: the same comments in one request, or in pieces a few at once.
  const shapes = [
    { label: `1 request of ${count}`, size: count, inFlight: 1 },
    // As a job sends a chunk (jobs/bridge-route.ts).
    { label: `pieces of 100, ${bridgeRequestsInFlight} at once`, size: 100, inFlight: bridgeRequestsInFlight },
    { label: `pieces of ${Math.ceil(count / 4)}, 4 at once`, size: Math.ceil(count / 4), inFlight: 4 },
  ];
  const httpTimes: Record<string, number[]> = {};
  for (let round = 1; round <= rounds; round += 1) {
    for (const shape of round % 2 === 1 ? shapes : [...shapes].reverse()) {
      seedFlood(db, site, { count, posts });
      const ids = db
        .sql(`SELECT comment_ID FROM wp_comments WHERE comment_ID > ${db.baseline} ORDER BY 1`)
        .trim()
        .split('\n')
        .map(Number);
      const pieces = bridgePieces(ids, shape.size);
      const started = performance.now();
      const sender = async () => {
        for (let piece = pieces.shift(); piece; piece = pieces.shift()) {
          const response = await fetch(`${site.url}/wp-json/freigabe/v1/comments/bulk`, {
            method: 'POST',
            headers: { Authorization: basicAuth(editor), 'Content-Type': 'application/json' },
            body: JSON.stringify({ action, ids: piece, expect: Object.fromEntries(piece.map((id) => [id, 'hold'])) }),
          });
          if (!response.ok) throw new Error(`bulk: HTTP ${response.status} ${await response.text()}`);
          await response.json();
        }
      };
      await Promise.all(Array.from({ length: shape.inFlight }, sender));
      const ms = performance.now() - started;
      httpTimes[shape.label] = [...(httpTimes[shape.label] ?? []), ms];
      console.log(
        `round ${round}, over HTTP, ${shape.label}: ${count} in ${ms.toFixed(0)} ms (load ${loadavg()[0]?.toFixed(1)})`,
      );
    }
  }
  console.log(
    `median over HTTP: ${Object.entries(httpTimes)
      .map(([label, ms]) => `${label} ${median(ms).toFixed(0)} ms`)
      .join(' · ')}`,
  );
  const ratio = median(times.bridge ?? []) / median(times['wp-admin'] ?? []);
  console.log(
    `median: wp-admin ${median(times['wp-admin'] ?? []).toFixed(0)} ms, Bridge ${median(times.bridge ?? []).toFixed(0)} ms (ratio ${ratio.toFixed(2)}), id listing ${median(times.ids ?? []).toFixed(0)} ms`,
  );
} finally {
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
}
