/**
 * When the next flush happens. A worker stopped in the middle of a flush leaves decisions
 * "sending": whatever wakes the worker next must plan a flush that sends them again, not clear the
 * alarm (the e2e proof: test/e2e/durability.test.ts).
 */

import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { decide } from '../../../src/background/outbox/decide.ts';
import { nextDueAt, outboxAlarm, outboxAlarmTime, scheduleFlush } from '../../../src/background/outbox/schedule.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const clock = 1_000_000;
async function withDecisions(undoWindowMs: number) {
  const wordpress = fakeWordPress([1, 2].map((id) => ({ id, post: 4, status: 'hold', type: 'comment' })));
  const ctx = testContext({ fetch: wordpress.fetch, now: () => clock, random: () => 0.5 });
  await ctx.db.sites.put(testSite());
  await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  await syncPending(ctx, siteId);
  await decide(ctx, { siteId, commentIds: [1, 2], decision: 'approve', undoWindowMs });
  return ctx;
}
const alarm = (browser: Browser) => browser.alarms.get(outboxAlarm);

describe('planning the next flush', () => {
  beforeEach(resetFakeBrowser);

  it('a waiting decision is due when its undo window ends', async () => {
    const ctx = await withDecisions(5_000);
    expect(await nextDueAt(ctx)).toBe(clock + 5_000);
  });

  it('decisions left "sending" by a stopped worker are due now, and the alarm stays', async () => {
    const ctx = await withDecisions(5_000);
    await ctx.db.outbox.toCollection().modify({ state: 'sending' });
    expect(await nextDueAt(ctx)).toBe(0);
    await scheduleFlush(ctx, { timer: false });
    expect(await alarm(ctx.browser)).toMatchObject({ name: outboxAlarm, scheduledTime: clock + 30_000 });
  });

  it('nothing is due for a paused site, and with nothing due the alarm is cleared', async () => {
    const ctx = await withDecisions(0);
    await ctx.db.outbox.toCollection().modify({ state: 'sending' });
    await ctx.db.sites.update(siteId, { status: 'needs-login' });
    expect(await nextDueAt(ctx)).toBeNull();
    await ctx.browser.alarms.create(outboxAlarm, { when: clock + 30_000 });
    await scheduleFlush(ctx, { timer: false });
    expect(await alarm(ctx.browser)).toBeUndefined();
  });

  it('the alarm rings 30 s after it is set at the earliest in Chrome, at the due time in Firefox', () => {
    expect(outboxAlarmTime(clock + 5_000, clock, 'chrome')).toBe(clock + 30_000);
    expect(outboxAlarmTime(clock + 45_000, clock, 'chrome')).toBe(clock + 45_000);
    // Firefox suspends an idle event page, timers and all: the alarm is what sends on time there.
    expect(outboxAlarmTime(clock + 5_000, clock, 'firefox')).toBe(clock + 5_000);
    // Due now (a flush runs elsewhere): a second later, not a loop of wakes.
    expect(outboxAlarmTime(0, clock, 'firefox')).toBe(clock + 1_000);
  });
});
