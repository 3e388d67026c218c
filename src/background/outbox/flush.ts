/**
 * Sends due decisions to WordPress: one flush at a time (Web Locks: across the worker's restarts
 * and pages), in decision order per comment, at most 4 requests in flight per site, bounded in
 * count and time per run (well inside the service worker's limits). A place on the wire that
 * frees up is taken at once by the next due decision — also one made while others are on the wire
 * — so one slow request (a spam that Akismet reports synchronously, up to 15 s and more) holds
 * back nothing but itself. A worker that died mid-send left rows in "sending": they are sent again
 * once their first request can no longer be under way (status changes are idempotent on WordPress
 * one after the other, not side by side). Where the site has the Freigabe Bridge, the status
 * decisions of one action due together share one place on the wire: one bulk request (bridge-send.ts).
 */
import type { OutboxRow, SiteRow } from '../../shared/db/index.ts';
import { maxTimeoutMs, type WpClient } from '../../shared/wp/client.ts';
import type { BackgroundContext } from '../context.ts';
import { defaultLocks, flushLockName } from '../locks.ts';
import { blockedSite, markBlocked, markReachable, markUnreachable, unreachable } from '../sites/reachability.ts';
import { clientForSite } from '../sites/site-client.ts';
import { applyFailure } from './apply-failure.ts';
import { bridgeActionOf, groupLimit, sendRound } from './bridge-send.ts';
import { keyOf, openDecisions } from './open-decisions.ts';
import { type Outcome, outcomeOfFailure } from './outcome.ts';
import { flushEnded, flushStarted } from './running.ts';
import { send } from './send.ts';
import { wakeups } from './wakeups.ts';
import { outboxWriter } from './writer.ts';

export interface FlushLimits {
  perSiteConcurrency: number;
  maxSends: number;
  maxMs: number;
}

export const defaultFlushLimits: FlushLimits = { perSiteConcurrency: 4, maxSends: 500, maxMs: 120_000 };

export interface FlushSummary {
  sent: number;
  done: number;
  retrying: number;
  failed: number;
  conflicts: number;
  pausedSites: string[];
  /** sites that WordPress answered for in this run */
  sitesReached: string[];
  skipped?: 'busy';
}

function emptySummary(): FlushSummary {
  return { sent: 0, done: 0, retrying: 0, failed: 0, conflicts: 0, pausedSites: [], sitesReached: [] };
}

/** Flushes unless a flush already runs (in any context of the extension): then answers "busy". */
export function flushOutbox(ctx: BackgroundContext, limits: FlushLimits = defaultFlushLimits): Promise<FlushSummary> {
  const busy: FlushSummary = { ...emptySummary(), skipped: 'busy' };
  return (ctx.locks ?? defaultLocks()).ifAvailable(flushLockName, () => flush(ctx, limits), busy);
}

/** One site during a flush: its client, and whether its sign-in failed (nothing more is sent). */
interface SiteSender {
  site: SiteRow;
  client: WpClient;
  paused: boolean;
  onWire: number;
  /** a firewall in front of the whole site answered: the site's other decisions wait with it, unsent */
  blockedBy: unknown;
}

async function flush(ctx: BackgroundContext, limits: FlushLimits): Promise<FlushSummary> {
  const started = ctx.now();
  const summary = emptySummary();
  // Holding the lock, any row still "sending" belongs to a worker that died: send it again, once its
  // request can no longer be under way (the client gives up after maxTimeoutMs). Sent at once, it ran
  // beside the first on WordPress, both saw the old status and the change's hooks (a plugin's
  // notice, Akismet's report) ran twice: the storm soak found it after an extension reload.
  // Counted as an attempt: it may have reached WordPress, so an undo must not simply cancel it (decide.ts).
  await ctx.db.outbox
    .where('state')
    .equals('sending')
    .modify((row) => {
      row.state = 'waiting';
      row.attempts += 1;
      row.notBefore = Math.max(row.notBefore, (row.claimedAt ?? started) + maxTimeoutMs);
    });
  const attempted = new Set<number>();
  /** comments with a decision on the wire: their next decision waits for its answer */
  const onWire = new Set<string>();
  const senders = new Map<string, SiteSender | null>();
  const inFlight = new Set<Promise<void>>();
  const writer = outboxWriter(ctx);
  const events = wakeups();
  let queue: OutboxRow[] = [];
  let queuedBehind = new Set<string>();
  let nextDueAt: number | null = null;
  let look = true;
  flushStarted(ctx, () => {
    look = true;
    events.notify();
  });

  /** Each site's sender, made once per flush when its first decision is in line (null: not usable). */
  const makeSenders = async (rows: readonly OutboxRow[]) => {
    for (const siteId of new Set(rows.map((row) => row.siteId))) {
      if (senders.has(siteId)) continue;
      const site = await ctx.db.sites.get(siteId);
      const usable = site !== undefined && site.status !== 'needs-login';
      senders.set(
        siteId,
        usable ? { site, client: await clientForSite(ctx, siteId), paused: false, onWire: 0, blockedBy: null } : null,
      );
    }
  };

  const reached = async (siteId: string) => {
    summary.done += 1;
    if (!summary.sitesReached.includes(siteId)) {
      summary.sitesReached.push(siteId);
      await markReachable(ctx, siteId);
    }
  };

  const failed = async (
    sender: SiteSender,
    row: OutboxRow,
    error: unknown,
    outcome: Outcome = outcomeOfFailure(row, error, ctx.now(), ctx.random),
  ) => {
    const { siteId } = row;
    // A conflict the Bridge reported moves the status the decision was made on (bridge-send.ts).
    await applyFailure(ctx, { ...row, previousStatus: outcome.row.previousStatus ?? row.previousStatus }, outcome);
    const offline = unreachable(error);
    if (offline !== null) await markUnreachable(ctx, siteId, offline);
    const blocked = blockedSite(error, row.decision);
    if (blocked !== null) {
      sender.blockedBy = error;
      await markBlocked(ctx, siteId, blocked);
    }
    if (outcome.pauseSite !== undefined) {
      sender.paused = true;
      if (!summary.pausedSites.includes(siteId)) summary.pausedSites.push(siteId);
    } else if (outcome.row.state === 'waiting') summary.retrying += 1;
    else if (outcome.row.state === 'conflict') summary.conflicts += 1;
    else if (outcome.row.state === 'failed') summary.failed += 1;
    else summary.done += 1;
  };

  /**
   * `answered`: WordPress has answered and changed it (the place on the wire is free before the
   * answer is written). A failure frees it only once handled: it may pause the site or hold it up.
   */
  const sendOne = async (sender: SiteSender, row: OutboxRow, answered?: () => void) => {
    try {
      const sent = await send(sender.client, sender.site, row);
      answered?.();
      await writer.answer(row, sent);
      await reached(row.siteId);
    } catch (error) {
      await failed(sender, row, error);
    }
  };

  /**
   * One place on the wire: a single decision over REST, or a group of one action through the Bridge.
   * The place is free once WordPress has answered: the next decision goes out while this answer is
   * written (in the service worker each write is round trips to the browser's IndexedDB, ADR 034); the
   * comment itself stays taken until then, so its next decision still waits for this one's answer.
   */
  const sendGroup = (sender: SiteSender, rows: readonly OutboxRow[]) => {
    let free = false;
    const release = () => {
      if (free) return;
      free = true;
      sender.onWire -= 1;
      events.notify();
    };
    const last = rows.at(-1);
    const round = sendRound(sender, rows, {
      sendOne: (row) => sendOne(sender, row, row === last ? release : undefined),
      answered: async (row, sent) => {
        await writer.answer(row, sent);
        await reached(row.siteId);
      },
      failed: (row, error, outcome) => failed(sender, row, error, outcome),
      bridgeGone: async (siteId) => {
        // Deactivated since the last sync: REST, one by one, as without it.
        sender.site = { ...sender.site, bridge: null };
        await ctx.db.sites.update(siteId, { bridge: null });
      },
      released: release,
    });
    return round.finally(release);
  };

  try {
    for (;;) {
      const open = summary.sent < limits.maxSends && ctx.now() - started <= limits.maxMs;
      if (!open) queue = [];
      if (look && open) {
        look = false;
        const known = new Set(queue.map((row) => row.id));
        const decisions = await openDecisions(ctx, ctx.now());
        queue.push(...decisions.due.filter((row) => !attempted.has(row.id ?? 0) && !known.has(row.id)));
        ({ queuedBehind, nextDueAt } = decisions);
      }
      const starting: { sender: SiteSender; rows: OutboxRow[] }[] = [];
      let startingRows = 0;
      const later: OutboxRow[] = [];
      const heldByFirewall: { sender: SiteSender; row: OutboxRow }[] = [];
      // Made before the line is walked: it can be a few hundred long, and is walked on every wake.
      await makeSenders(queue);
      for (const row of queue) {
        const sender = senders.get(row.siteId) ?? null;
        // A site that is gone or waits for a sign-in: its decisions stay waiting.
        if (!sender || sender.paused) continue;
        if (sender.blockedBy !== null) {
          attempted.add(row.id ?? 0);
          heldByFirewall.push({ sender, row });
          continue;
        }
        const noneLeft = summary.sent + startingRows >= limits.maxSends;
        const action = bridgeActionOf(sender.site, row);
        // Through the Bridge: joins the request of its site and action starting now, while it has room.
        const group =
          action === null
            ? undefined
            : starting.find(
                (start) =>
                  start.sender === sender &&
                  start.rows[0]?.decision === action &&
                  start.rows.length < groupLimit(action, sender.site),
              );
        const full = group === undefined && sender.onWire >= limits.perSiteConcurrency;
        if (noneLeft || full || onWire.has(keyOf(row))) {
          later.push(row);
          continue;
        }
        if (group === undefined) sender.onWire += 1;
        onWire.add(keyOf(row));
        attempted.add(row.id ?? 0);
        if (group) group.rows.push(row);
        else starting.push({ sender, rows: [row] });
        startingRows += 1;
      }
      queue = later;
      for (const { sender, row } of heldByFirewall) {
        await applyFailure(ctx, row, outcomeOfFailure(row, sender.blockedBy, ctx.now(), ctx.random));
        summary.retrying += 1;
      }
      // A row read before an undo cancelled it (it waited here for a place on the wire) is gone now: not sent.
      const entries = starting.flatMap((group) => group.rows.map((row) => ({ group, row })));
      const claimed = entries.length > 0 ? await writer.claim(entries) : [];
      const sendNow: { sender: SiteSender; rows: OutboxRow[] }[] = [];
      for (const group of starting) {
        const rows = claimed.filter((entry) => entry.group === group).map((entry) => entry.row);
        for (const row of group.rows.filter((row) => !rows.some((kept) => kept.id === row.id))) {
          attempted.delete(row.id ?? 0);
          onWire.delete(keyOf(row));
        }
        if (rows.length === 0) group.sender.onWire -= 1;
        else sendNow.push({ sender: group.sender, rows });
      }
      if (claimed.length > 0) {
        summary.sent += claimed.length;
        for (const { sender, rows } of sendNow) {
          const sending: Promise<void> = sendGroup(sender, rows).finally(() => {
            inFlight.delete(sending);
            for (const row of rows) {
              onWire.delete(keyOf(row));
              // Read the outbox again for the comment's next decision, or when nothing is left in line.
              if (queue.length === 0 || queuedBehind.has(keyOf(row))) look = true;
            }
            events.notify();
          });
          inFlight.add(sending);
        }
      }
      if (inFlight.size === 0) {
        // Nothing on the wire: done, unless decisions were made since the outbox was last read.
        if (look && open) continue;
        break;
      }
      // A send settles, a decision is made, or a waiting decision falls due (its undo window ends).
      await events.wait(nextDueAt === null ? null : nextDueAt - ctx.now());
      if (nextDueAt !== null && ctx.now() >= nextDueAt) look = true;
    }
  } finally {
    flushEnded(ctx);
  }
  return summary;
}
