/**
 * Akismet (scenario `akismet`) with the Freigabe Bridge: spam and not spam through the bulk route
 * write the Akismet history wp-admin's list screen writes, and report the commenter's own IP
 * address and browser, as the moderator — Akismet's hooks fire as they do in wp-admin. On a slow
 * network (Akismet reports synchronously inside the request) the outbox's spam request through the
 * Bridge holds back nothing but itself, and one whose answer is lost to a timeout is not reported twice.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setBridge, setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { flushAndReschedule, scheduleFlush } from '../../src/background/outbox/schedule.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { testContext } from '../support/background-context.ts';
import { bulk } from '../support/bridge.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { basicAuth, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { commentScreen } from '../support/wp-admin-screen.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const commenter = {
  ip: '198.51.100.201',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};
let post = 0;
const ids: number[] = [];

interface AkismetRecord {
  history: { event: string; user: string }[];
  calls: { path: string; user_ip: string; user_agent: string; reporter: string }[];
}

async function akismetOf(id: number): Promise<AkismetRecord> {
  const response = await fetch(`${wp.url}/wp-json/freigabe-test/v1/akismet/${id}`, {
    headers: { Authorization: basicAuth(user(wp, 'admin')) },
  });
  if (!response.ok) throw new Error(`akismet record ${id}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as AkismetRecord;
}

const events = (record: AkismetRecord) => record.history.map(({ event, user }) => `${event} by ${user}`);
const reported = (record: AkismetRecord) => [
  ...new Set(record.calls.map((call) => `${call.path} ip=${call.user_ip} ua=${call.user_agent} by ${call.reporter}`)),
];

beforeAll(async () => {
  await setScenarios(site, []);
  await setBridge(site, true);
  post = await admin.createPost({ title: 'Bridge: Akismet' });
  for (let i = 0; i < 3; i++) ids.push((await admin.createComment(post, { status: 'hold', ...commenter })).id);
  await setScenarios(site, ['akismet']);
});

afterAll(async () => {
  await setScenarios(site, []);
  await setOptions(site, { freigabe_akismet_calls: null, freigabe_akismet_delay_seconds: null });
  await admin.removePost(post);
  await setBridge(site, false);
});

describe('Freigabe Bridge with Akismet', () => {
  it('spam and not spam write the history wp-admin writes and report the commenter’s own IP and browser', async () => {
    const [first = 0, second = 0, viaAdmin = 0] = ids;
    const screen = await commentScreen(wp, editor);
    const spammed = await bulk(wp, editor, {
      action: 'spam',
      ids: [first, second],
      expect: { [first]: 'hold', [second]: 'hold' },
    });
    expect(spammed.map((result) => result.outcome)).toEqual(['done', 'done']);
    await screen.spam(viaAdmin);
    const unspammed = await bulk(wp, editor, { action: 'unspam', ids: [first, second] });
    expect(unspammed.map((result) => result.after)).toEqual(['hold', 'hold']);
    await screen.notSpam(viaAdmin);

    const wpAdmin = await akismetOf(viaAdmin);
    expect(events(wpAdmin)).toEqual([`report-spam by ${editor.login}`, `report-ham by ${editor.login}`]);
    const expected = [
      `/1.1/submit-spam ip=${commenter.ip} ua=${commenter.userAgent} by ${editor.login}`,
      `/1.1/submit-ham ip=${commenter.ip} ua=${commenter.userAgent} by ${editor.login}`,
    ];
    expect(reported(wpAdmin)).toEqual(expected);
    for (const id of [first, second]) {
      const record = await akismetOf(id);
      expect(events(record), String(id)).toEqual(events(wpAdmin));
      expect(reported(record), String(id)).toEqual(expected);
    }
  });
});

describe('Freigabe Bridge with Akismet on a slow network', () => {
  const delaySeconds = 6;
  const slowIds: number[] = [];
  const siteId = `${wp.url}/wp-json/`;
  const status = async (id: number) => (await admin.read(id)).status;

  async function connectedEditor(overrides: Partial<BackgroundContext> = {}) {
    resetFakeBrowser();
    grantedOrigins.add(originPattern(wp.url));
    const ctx = testContext(overrides);
    await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
    expect((await ctx.db.sites.get(siteId))?.bridge).not.toBeNull();
    return ctx;
  }

  beforeAll(async () => {
    await setScenarios(site, []);
    for (let i = 0; i < 5; i++) slowIds.push((await admin.createComment(post, { status: 'hold', ...commenter })).id);
    await setOptions(site, { freigabe_akismet_delay_seconds: delaySeconds, freigabe_akismet_calls: null });
    await setScenarios(site, ['akismet', 'akismet-slow-network']);
  });

  it('a spam request that hangs on Akismet holds back only itself: approvals decided meanwhile arrive while it hangs', async () => {
    const [spammed = 0, ...others] = slowIds.slice(0, 4);
    const ctx = await connectedEditor();
    const [spamRow = 0] = await decide(ctx, { siteId, commentIds: [spammed], decision: 'spam', undoWindowMs: 0 });
    const flushing = flushAndReschedule(ctx);
    await expect.poll(async () => (await ctx.db.outbox.get(spamRow))?.state, { timeout: 10_000 }).toBe('sending');
    const rows = await decide(ctx, { siteId, commentIds: others, decision: 'approve', undoWindowMs: 0 });
    await scheduleFlush(ctx);
    await expect
      .poll(async () => (await ctx.db.outbox.bulkGet(rows)).every((row) => row?.state === 'done'), {
        timeout: 30_000,
        interval: 20,
      })
      .toBe(true);
    expect((await ctx.db.outbox.get(spamRow))?.state).toBe('sending');
    expect(await Promise.all(others.map(status))).toEqual(others.map(() => 'approved'));
    await flushing;
    await expect.poll(async () => (await ctx.db.outbox.get(spamRow))?.state, { timeout: 30_000 }).toBe('done');
    expect(await status(spammed)).toBe('spam');
    expect((await akismetOf(spammed)).calls).toHaveLength(1);
  });

  it('a spam request whose answer is lost to the timeout is sent again, found done, and reported once', async () => {
    const slow = slowIds[4] ?? 0;
    let clock = Date.now();
    const ctx = await connectedEditor({ now: () => clock, requestTimeoutMs: 3000 });
    const [row = 0] = await decide(ctx, { siteId, commentIds: [slow], decision: 'spam', undoWindowMs: 0 });
    await flushOutbox(ctx);
    const afterTimeout = await ctx.db.outbox.get(row);
    expect(afterTimeout).toMatchObject({ state: 'waiting', error: { kind: 'retryable', code: 'timeout' } });
    await expect
      .poll(async () => events(await akismetOf(slow)), { timeout: 20_000 })
      .toEqual([`report-spam by ${editor.login}`]);
    clock = (afterTimeout?.notBefore ?? clock) + 1;
    while ((await flushOutbox(ctx)).sent > 0) {
      // until nothing is due
    }
    // Sent again with expect "hold": the comment is already spam, so done without touching it.
    expect(await ctx.db.outbox.get(row)).toMatchObject({ state: 'done', error: null });
    expect(await status(slow)).toBe('spam');
    const record = await akismetOf(slow);
    expect(events(record)).toEqual([`report-spam by ${editor.login}`]);
    expect(record.calls).toHaveLength(1);
  });
});
