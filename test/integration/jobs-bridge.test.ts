/**
 * Bulk jobs through the Freigabe Bridge against the real WordPress (plugin activated here, off again
 * afterwards): the route recorded on the job, chunks of the Bridge's `max_ids` with no REST write,
 * every comment changed exactly once (the server's status ledger), another moderator's change
 * mid-job skipped as a conflict, a worker stopped mid-chunk finished by a new background exactly
 * once, undo and "empty trash" through the Bridge — and an author, whose jobs go over REST
 * (restricted to their own posts), since the Bridge's id listing answers moderators only.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addComments } from '../../scripts/wp/index.ts';
import { setBridge, setScenarios } from '../../scripts/wp/scenarios.ts';
import { changesPerComment, readLedger } from '../../scripts/wp/status-ledger.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { createJob } from '../../src/background/jobs/create.ts';
import { previewJob } from '../../src/background/jobs/preview.ts';
import { runJobs } from '../../src/background/jobs/run.ts';
import { undoJob } from '../../src/background/jobs/undo.ts';
import { memoryLocks } from '../../src/background/locks.ts';
import { FreigabeDb } from '../../src/shared/db/index.ts';
import type { JobAction, JobFilter } from '../../src/shared/jobs.ts';
import { createWpClient } from '../../src/shared/wp/client.ts';
import { testContext } from '../support/background-context.ts';
import { countingFetch, jobSite, runUntilSettled } from '../support/job-site.ts';
import { basicAuth, commentTotal, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const setupSite = { url: wp.url, dir: inject('wpDir') };
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

async function flood(count: number, status: 'hold' | 'approved' | 'spam' | 'trash' = 'hold') {
  const post = await admin.createPost({ title: `Brückenflut ${Math.random().toString(36).slice(2, 7)}` });
  const added = await addComments(setupSite, post, count, status);
  return { post, ids: Array.from({ length: count }, (_, index) => added.first + index) };
}

const restStatus = { hold: 'hold', approved: 'approve', spam: 'spam', trash: 'trash' } as const;
const countOn = (post: number, status: keyof typeof restStatus) =>
  commentTotal(wp, user(wp, 'admin'), { post: String(post), status: restStatus[status], type: 'comment' });
const filterOf = (post: number, status: JobFilter['status']): JobFilter => ({ status, type: 'all', post });

async function setStatusAsAdmin(id: number, status: string): Promise<void> {
  const response = await fetch(`${wp.url}/wp-json/wp/v2/comments/${id}`, {
    method: 'POST',
    headers: { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  if (!response.ok) throw new Error(`status change failed: HTTP ${response.status}`);
}

/** What a fetch asked of the Bridge: the size of each bulk request, and whether ids were listed. */
function bridgeCalls(inner: typeof fetch) {
  const bulkSizes: number[] = [];
  let listings = 0;
  let counted = 0;
  const recording: typeof fetch = (input, init) => {
    const url = decodeURIComponent(String(input));
    if (url.includes('freigabe/v1/comments/bulk'))
      bulkSizes.push((JSON.parse(String(init?.body)) as { ids: number[] }).ids.length);
    if (url.includes('freigabe/v1/comments/ids')) {
      listings += 1;
      if (!url.includes('count=false')) counted += 1;
    }
    return inner(input, init);
  };
  /** listings: id pages asked for; counted: those that made the server count the whole filter */
  return { fetch: recording, bulkSizes, listings: () => listings, counted: () => counted };
}

/** A job site whose row carries the Bridge as the real REST index announces it (as connect and sync detect it). */
async function bridgedSite(key: 'editor' | 'author', overrides: Partial<BackgroundContext> = {}) {
  const { ctx, siteId } = await jobSite(wp, key, overrides);
  const account = user(wp, key);
  const client = createWpClient({
    root: siteId,
    auth: { kind: 'application-password', username: account.login, password: account.applicationPassword },
  });
  const bridge = await client.bridgeInfo();
  if (!bridge) throw new Error('the Freigabe Bridge is not announced');
  await ctx.db.sites.update(siteId, { bridge });
  return { ctx, siteId, bridge };
}

async function startAndRun(
  ctx: BackgroundContext,
  siteId: string,
  filter: JobFilter,
  action: JobAction,
  total: number,
) {
  const jobId = await createJob(ctx, { siteId, filter, action, expectedTotal: total });
  await runUntilSettled(ctx);
  const job = await ctx.db.jobs.get(jobId);
  if (!job) throw new Error('job vanished');
  return { jobId, job };
}

/** The server's own witness: how often WordPress changed each of these comments since `since`, and by whom. */
async function serverChanges(ids: readonly number[], since: number) {
  const wanted = new Set(ids);
  const entries = (await readLedger(wp, since)).filter((entry) => wanted.has(entry.comment));
  const perComment = changesPerComment(entries);
  return {
    counts: ids.map((id) => perComment.get(id) ?? 0),
    users: new Set(entries.map((entry) => entry.user)),
    to: new Set(entries.map((entry) => entry.to)),
  };
}
const ledgerEnd = async () => (await readLedger(wp)).at(-1)?.id ?? 0;
const once = (ids: readonly number[]) => ids.map(() => 1);

beforeAll(async () => {
  await setScenarios(setupSite, ['status-ledger']);
  await setBridge(setupSite, true);
});
afterAll(async () => {
  await setBridge(setupSite, false);
  await setScenarios(setupSite, []);
});

describe('bulk jobs through the Freigabe Bridge', () => {
  it('approves 1,200 in chunks of max_ids, each changed exactly once, no REST write; undo takes them back', async () => {
    const { post, ids } = await flood(1200);
    const since = await ledgerEnd();
    const writes = countingFetch();
    const calls = bridgeCalls(writes.fetch);
    const { ctx, siteId, bridge } = await bridgedSite('editor', { fetch: calls.fetch });
    expect(bridge.maxIds).toBe(1000);
    const preview = await previewJob(ctx, { siteId, filter: filterOf(post, 'hold') });
    expect(preview).toMatchObject({ total: 1200, route: 'bridge' });
    const started = performance.now();
    const { jobId, job } = await startAndRun(ctx, siteId, filterOf(post, 'hold'), 'approve', 1200);
    const seconds = (performance.now() - started) / 1000;
    console.log(`Bridge job: 1,200 approvals in ${seconds.toFixed(1)} s (${Math.round(1200 / seconds)}/s)`);
    expect(job).toMatchObject({ state: 'done', route: 'bridge' });
    expect(job.progress).toMatchObject({ total: 1200, done: 1200, skipped: 0, failed: 0 });
    // Chunks of max_ids (1,000) and the rest, each sent a hundred a request (four at once).
    expect(calls.bulkSizes).toEqual(Array.from({ length: 12 }, () => 100));
    // The listing's last page ended the job: no listing more to learn that nothing follows.
    expect(calls.listings()).toBe(2);
    // The job knows its total from the preview: no page makes the server count the whole filter.
    expect(calls.counted()).toBe(0);
    expect(writes.writes.size).toBe(0);
    expect(await countOn(post, 'approved')).toBe(1200);
    const server = await serverChanges(ids, since);
    expect(server.counts).toEqual(once(ids));
    expect([...server.users]).toEqual([user(wp, 'editor').id]);
    // WordPress's own functions leave the commenter's data alone.
    for (const id of [ids[0] ?? 0, ids[999] ?? 0, ids[1199] ?? 0]) {
      const stored = await admin.read(id);
      expect(stored.author_ip).toMatch(/^198\.51\.100\.\d+$/);
      expect(stored.author_user_agent).toBe(firefox);
    }

    const beforeUndo = await ledgerEnd();
    const undoId = await undoJob(ctx, jobId);
    await runUntilSettled(ctx);
    expect(await ctx.db.jobs.get(undoId)).toMatchObject({
      state: 'done',
      route: 'bridge',
      action: 'unapprove',
      progress: { total: 1200, done: 1200, skipped: 0, failed: 0 },
    });
    expect(await countOn(post, 'hold')).toBe(1200);
    expect((await serverChanges(ids, beforeUndo)).counts).toEqual(once(ids));
    expect(writes.writes.size).toBe(0);
  }, 240_000);

  it('another moderator’s change mid-job comes back as a conflict: skipped, not overwritten', async () => {
    const { post, ids } = await flood(300);
    const elsewhere = [ids[7], ids[150], ids[299]].map((id) => id ?? 0);
    const since = await ledgerEnd();
    // Listed as pending by the job; approved by the administrator just before the first bulk request
    // arrives — and every bulk request waits for that (a chunk goes as several requests at once).
    let moving: Promise<void> | null = null;
    const movingFirst: typeof fetch = async (input, init) => {
      if (String(input).includes('freigabe/v1/comments/bulk')) {
        moving ??= (async () => {
          for (const id of elsewhere) await setStatusAsAdmin(id, 'approved');
        })();
        await moving;
      }
      return fetch(input, init);
    };
    const { ctx, siteId } = await bridgedSite('editor', { fetch: movingFirst });
    const { job } = await startAndRun(ctx, siteId, filterOf(post, 'hold'), 'spam', 300);
    expect(moving).not.toBeNull();
    expect(job).toMatchObject({ state: 'done', route: 'bridge' });
    expect(job.progress).toMatchObject({ total: 300, done: 297, skipped: 3, failed: 0 });
    for (const id of elsewhere) expect((await admin.read(id)).status).toBe('approved');
    expect(await countOn(post, 'spam')).toBe(297);
    const server = await serverChanges(ids, since);
    expect(server.counts).toEqual(once(ids));
    // The three were changed once — by the administrator, not by the job.
    const adminOnly = await serverChanges(elsewhere, since);
    expect([...adminOnly.users]).toEqual([user(wp, 'admin').id]);
  }, 240_000);

  it('a worker stopped mid-chunk: a new background on the same database finishes, every comment changed exactly once', async () => {
    const { post, ids } = await flood(1100);
    const since = await ledgerEnd();
    let bulks = 0;
    const reached: Promise<unknown>[] = [];
    // The second chunk's request (after the first chunk's ten) reaches WordPress, which changes its 100
    // comments; the answer never arrives.
    const dying: typeof fetch = (input, init) => {
      if (!String(input).includes('freigabe/v1/comments/bulk') || ++bulks < 11) return fetch(input, init);
      const sent = fetch(input, init);
      reached.push(sent.catch(() => undefined));
      return sent.then(() => new Promise<Response>(() => undefined));
    };
    const { ctx, siteId } = await bridgedSite('editor', { fetch: dying });
    const jobId = await createJob(ctx, {
      siteId,
      filter: filterOf(post, 'hold'),
      action: 'trash',
      expectedTotal: 1100,
    });
    void runJobs(ctx);
    await expect.poll(() => reached.length, { timeout: 120_000 }).toBe(1);
    await Promise.all(reached);
    const claimed = await ctx.db.jobChunks
      .where('jobId')
      .equals(jobId)
      .filter((chunk) => chunk.state === 'claimed')
      .toArray();
    expect(claimed.map((chunk) => chunk.ids.length)).toEqual([100]);
    expect(await countOn(post, 'trash')).toBe(1100);

    const calls = bridgeCalls(fetch);
    const revived = testContext({ db: new FreigabeDb(ctx.db.name), locks: memoryLocks(), fetch: calls.fetch });
    await runUntilSettled(revived);
    const job = await revived.db.jobs.get(jobId);
    expect(job).toMatchObject({ state: 'done', route: 'bridge' });
    expect(job?.progress).toMatchObject({ total: 1100, done: 1100, skipped: 0, failed: 0 });
    // The new worker sent the claimed chunk again, compare-and-set: WordPress changed none of it twice.
    expect(calls.bulkSizes).toEqual([100]);
    expect((await serverChanges(ids, since)).counts).toEqual(once(ids));
  }, 240_000);

  it('"Empty trash" through the Bridge: deleted for good, once each, and not undoable', async () => {
    const { post, ids } = await flood(60, 'trash');
    const since = await ledgerEnd();
    const calls = bridgeCalls(fetch);
    const { ctx, siteId } = await bridgedSite('editor', { fetch: calls.fetch });
    const { jobId, job } = await startAndRun(ctx, siteId, filterOf(post, 'trash'), 'delete', 60);
    expect(job).toMatchObject({ state: 'done', route: 'bridge' });
    expect(job.progress).toMatchObject({ total: 60, done: 60, skipped: 0, failed: 0 });
    expect(calls.bulkSizes).toEqual([60]);
    for (const status of ['hold', 'approved', 'spam', 'trash'] as const) expect(await countOn(post, status)).toBe(0);
    expect(await admin.exists(ids[0] ?? 0)).toBe(false);
    const server = await serverChanges(ids, since);
    expect(server.counts).toEqual(once(ids));
    expect([...server.to]).toEqual(['deleted']);
    await expect(undoJob(ctx, jobId)).rejects.toMatchObject({ code: 'cannot_undo' });
  });

  it('an author’s job goes over REST, restricted to their own posts, though the Bridge is active', async () => {
    const author = user(wp, 'author');
    const token = `brueckenautorin${Math.random().toString(36).slice(2, 7)}`;
    const own = await admin.createPost({ title: `Autorin ${token}`, author: author.id });
    const others = await admin.createPost({ title: `Fremd ${token}` });
    const ownIds: number[] = [];
    for (let i = 0; i < 30; i++) ownIds.push((await admin.createComment(own, { content: `${token} eigen ${i}` })).id);
    const otherIds: number[] = [];
    for (let i = 0; i < 5; i++)
      otherIds.push((await admin.createComment(others, { content: `${token} fremd ${i}` })).id);
    const since = await ledgerEnd();
    const writes = countingFetch();
    const calls = bridgeCalls(writes.fetch);
    const { ctx, siteId } = await bridgedSite('author', { fetch: calls.fetch });
    expect((await ctx.db.sites.get(siteId))?.bridge).not.toBeNull();
    // No post chosen: everything matching that the author may moderate — their own posts only.
    const filter: JobFilter = { status: 'hold', type: 'all', search: token };
    const preview = await previewJob(ctx, { siteId, filter });
    expect(preview).toMatchObject({ total: 30, route: 'rest' });
    const { job } = await startAndRun(ctx, siteId, filter, 'approve', preview.total);
    expect(job).toMatchObject({ state: 'done', route: 'rest' });
    expect(job.progress).toMatchObject({ total: 30, done: 30, skipped: 0, failed: 0 });
    expect(calls.bulkSizes).toEqual([]);
    expect(calls.listings()).toBe(0);
    expect(ownIds.map((id) => writes.writes.get(id) ?? 0)).toEqual(once(ownIds));
    expect(await countOn(own, 'approved')).toBe(30);
    expect(await countOn(others, 'hold')).toBe(5);
    const server = await serverChanges([...ownIds, ...otherIds], since);
    expect(server.counts).toEqual([...once(ownIds), ...otherIds.map(() => 0)]);
    expect([...server.users]).toEqual([author.id]);
  }, 240_000);
});
