/**
 * When the outbox is flushed: right when a decision's undo window ends (a timer, while the worker
 * lives) and by an alarm as the fallback that survives the worker (in Chrome 30 s after it is set at
 * the earliest; in Firefox when the decision is due: see `outboxAlarmTime`).
 * Also on start-up (replay), after a sign-in, and after each flush for what remains.
 */

import type { BackgroundContext } from '../context.ts';
import { refreshViews } from '../inline/notify.ts';
import { syncIfStale } from '../sync/schedule.ts';
import { flushOutbox } from './flush.ts';
import { wakeFlush } from './running.ts';

export const outboxAlarm = 'freigabe:outbox';
/** a timer is set for what is due this soon; beyond, the alarm alone wakes the worker */
const timerHorizonMs = 30_000;
let timer: ReturnType<typeof setTimeout> | undefined;
/** flushes running in this context, per background (one elsewhere is only "busy" here) */
const flushing = new WeakMap<BackgroundContext, number>();

/**
 * The earliest time a decision of a site that is not paused may be sent. A decision still
 * "sending" when no flush runs was left by a worker that was stopped mid-flush: the next flush
 * sends it again, so it is due now.
 */
export async function nextDueAt(ctx: BackgroundContext): Promise<number | null> {
  const paused = new Set(
    (await ctx.db.sites.toArray()).filter((site) => site.status === 'needs-login').map((site) => site.id),
  );
  let next: number | null = null;
  await ctx.db.outbox
    .where('state')
    .anyOf('waiting', 'sending')
    .each((row) => {
      const dueAt = row.state === 'sending' ? 0 : row.notBefore;
      if (!paused.has(row.siteId) && (next === null || dueAt < next)) next = dueAt;
    });
  return next;
}

/**
 * When the outbox alarm rings for a decision due at `dueAt`. Chrome (120+) rings alarms 30 s after
 * they are set at the earliest. A second at least in any browser: what is due now while a flush runs
 * elsewhere must not wake the worker in a loop until that flush ends.
 */
export function outboxAlarmTime(dueAt: number, now: number, target: 'chrome' | 'firefox'): number {
  // Firefox: no 30 s floor, and its idle event page is suspended with its timers (the undo window's
  // too): the alarm rings when the decision is due.
  return Math.max(dueAt, now + (target === 'firefox' ? 1_000 : 30_000));
}

/**
 * Plans the next flush: a timer while the worker lives, an alarm that survives it. `timer: false`
 * leaves the timer alone (a flush is running and plans the next one itself when it ends).
 */
export async function scheduleFlush(ctx: BackgroundContext, { timer: withTimer = true } = {}): Promise<void> {
  // A flush running here takes new decisions as they are made and plans what is left when it ends.
  if (withTimer && (wakeFlush(ctx) || (flushing.get(ctx) ?? 0) > 0)) return;
  const next = await nextDueAt(ctx);
  if (withTimer && timer !== undefined) clearTimeout(timer);
  if (withTimer) timer = undefined;
  if (next === null) {
    await ctx.browser.alarms.clear(outboxAlarm);
    return;
  }
  const delay = Math.max(0, next - ctx.now());
  if (withTimer && delay < timerHorizonMs) timer = setTimeout(() => void flushAndReschedule(ctx), delay + 25);
  await ctx.browser.alarms.create(outboxAlarm, { when: outboxAlarmTime(next, ctx.now(), __FREIGABE_TARGET__) });
}

/**
 * Flushes, plans the next flush, and syncs the sites that just took decisions when their last sync
 * is stale (what else changed there). Not after every flush: a moderator clearing a queue key by
 * key would have the whole queue read again after each decision.
 */
export async function flushAndReschedule(ctx: BackgroundContext): Promise<void> {
  flushing.set(ctx, (flushing.get(ctx) ?? 0) + 1);
  let summary: Awaited<ReturnType<typeof flushOutbox>>;
  try {
    summary = await flushOutbox(ctx);
  } finally {
    flushing.set(ctx, (flushing.get(ctx) ?? 1) - 1);
  }
  // Busy: the running flush's rows are "sending" (due now); a timer would only find it busy again.
  // Keep the alarm, in case this worker is stopped before that flush ends.
  await scheduleFlush(ctx, { timer: summary.skipped !== 'busy' });
  if (summary.sitesReached.length > 0) {
    await Promise.allSettled(summary.sitesReached.map((siteId) => syncIfStale(ctx, siteId)));
  }
  // Sent, failed or in conflict: the badge and the open articles show it.
  if (summary.sent > 0 || summary.sitesReached.length > 0) await refreshViews(ctx);
}
