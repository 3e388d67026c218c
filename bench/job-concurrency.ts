/**
 * npm run bench:job-concurrency [-- --smoke] [--core=6.1]
 * A bulk job's REST route on the native WordPress: throughput (comments approved per second)
 * against a fixed number of requests in flight (1, 2, 4, 8, 16), each over fresh pending comments,
 * then a whole job (selection pages + sends) with the adaptive limit, and the limit it settled on.
 * The curve belongs in ADR 022. Reported, not asserted.
 */
import 'fake-indexeddb/auto';
import { rmSync } from 'node:fs';
import type { Browser } from 'webextension-polyfill';
import { addComments, startWordPress } from '../scripts/wp/index.ts';
import type { BackgroundContext } from '../src/background/context.ts';
import { AdaptiveConcurrency } from '../src/background/jobs/concurrency.ts';
import { createJob } from '../src/background/jobs/create.ts';
import { sendRestChunk } from '../src/background/jobs/rest-route.ts';
import { runJobs } from '../src/background/jobs/run.ts';
import { memoryLocks } from '../src/background/locks.ts';
import { FreigabeDb } from '../src/shared/db/index.ts';
import { createWpClient } from '../src/shared/wp/client.ts';
import { benchCore } from './lib/core.ts';

const smoke = process.argv.includes('--smoke');
const perLevel = smoke ? 40 : Number(process.env.JOB_BENCH_N ?? 400);
const levels = smoke ? [1, 4] : [1, 2, 4, 8, 16];
const port = Number(process.env.FREIGABE_BENCH_PORT ?? 8903);
const core = benchCore();
const dir = `.wp/bench-jobs-${core}`;

rmSync(dir, { recursive: true, force: true });
const site = await startWordPress({ backend: 'native', port, dir, core, log: () => undefined });
try {
  const editor = site.info.users.find((user) => user.key === 'editor');
  const admin = site.info.users.find((user) => user.key === 'admin');
  if (!editor || !admin) throw new Error('demo content incomplete');
  const siteId = `${site.url}/wp-json/`;
  const auth = { kind: 'application-password', username: editor.login, password: editor.applicationPassword } as const;
  const client = createWpClient({ root: siteId, auth });
  const newPost = async () => {
    const response = await fetch(`${siteId}wp/v2/posts`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${admin.login}:${admin.applicationPassword.replace(/\s+/g, '')}`)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ title: `Bench ${Math.random().toString(36).slice(2, 7)}`, status: 'publish' }),
    });
    return ((await response.json()) as { id: number }).id;
  };
  console.log(`WordPress ${site.info.wpVersion} (${site.info.describe}); ${perLevel} approvals per level`);
  const timing = { now: () => performance.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
  for (const level of levels) {
    const post = await newPost();
    const added = await addComments({ url: site.url, dir }, post, perLevel);
    const items = Array.from({ length: perLevel }, (_, index) => ({
      id: added.first + index,
      before: 'hold',
      preserve: { ip: '198.51.100.1', userAgent: 'Firefox' },
    }));
    const limit = new AdaptiveConcurrency(level, { min: level, max: level });
    const started = performance.now();
    for (let start = 0; start < items.length; start += 100) {
      await sendRestChunk(client, 'approve', items.slice(start, start + 100), limit, timing);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${String(level).padStart(2)} in flight: ${(perLevel / seconds).toFixed(1)} comments/s`);
  }
  const post = await newPost();
  await addComments({ url: site.url, dir }, post, perLevel);
  const ctx: BackgroundContext = {
    db: new FreigabeDb(`bench-jobs-${Date.now()}`),
    browser: {} as Browser,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => Math.random(),
    contentScriptFile: '',
    inlineScriptFile: '',
    locks: memoryLocks(),
  };
  await ctx.db.sites.put({
    id: siteId,
    origin: site.url,
    name: 'Bench',
    home: site.url,
    siteUrl: site.url,
    signIn: 'password',
    userId: editor.id,
    userName: editor.displayName,
    mode: 'moderator',
    status: 'connected',
    statusMessage: null,
    connectedAt: Date.now(),
    lastSyncAt: null,
    pendingTotal: 0,
  });
  await ctx.db.credentials.put({ siteId, auth });
  const jobId = await createJob(ctx, {
    siteId,
    filter: { status: 'hold', type: 'all', post },
    action: 'approve',
    expectedTotal: perLevel,
  });
  const started = performance.now();
  await runJobs(ctx);
  const seconds = (performance.now() - started) / 1000;
  const job = await ctx.db.jobs.get(jobId);
  console.log(
    `  whole job, adaptive: ${job?.progress.done} approved in ${seconds.toFixed(1)} s (${((job?.progress.done ?? 0) / seconds).toFixed(1)} comments/s), ` +
      `limit settled at ${(job?.cursor as { concurrency?: number } | undefined)?.concurrency}`,
  );
} finally {
  await site.stop();
}
