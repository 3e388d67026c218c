/**
 * Sends due decisions to WordPress: one flush at a time (Web Locks: across the worker's restarts
 * and pages), in decision order per comment, at most 4 requests in flight per site, bounded in
 * count and time per run (well inside the service worker's limits). A place on the wire that
 * frees up is taken at once by the next due decision — also one made while others are on the wire
 * — so one slow request (a spam that Akismet reports synchronously, up to 15 s and more) holds
 * back nothing but itself. A worker that died mid-send left rows in "sending": they are sent again
 * (status changes are idempotent on WordPress).
 */
import type { OutboxRow, SiteRow } from '../../shared/db/index.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import type { BackgroundContext } from '../context.ts';
import { defaultLocks, flushLockName } from '../locks.ts';
import { blockedSite, markBlocked, markReachable, markUnreachable, unreachable } from '../sites/reachability.ts';
import { clientForSite } from '../sites/site-client.ts';
import { answerWriter } from './answers.ts';
import { applyFailure } from './apply-failure.ts';
import { outcomeOfFailure } from './outcome.ts';
import { send } from './send.ts';

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

/** The flush running in a context, to be told of decisions made while it runs. */
const running = new WeakMap<BackgroundContext, () => void>();

/** A decision was made (or a flush asked for): a flush running here looks at the outbox again. */
export function wakeFlush(ctx: BackgroundContext): boolean {
  const wake = running.get(ctx);
  wake?.();
  return wake !== undefined;
}

const keyOf = (row: Pick<OutboxRow, 'siteId' | 'commentId'>) => `${row.siteId}\n${row.commentId}`;

interface OpenDecisions {
  /** the next decision of each comment, when it is due; later ones wait for it */
  due: OutboxRow[];
  /** comments with a later decision waiting behind the first */
  queuedBehind: Set<string>;
  /** when the next decision that is not due yet falls due */
  nextDueAt: number | null;
}

async function openDecisions(ctx: BackgroundContext, now: number): Promise<OpenDecisions> {
  const open = await ctx.db.outbox.where('state').anyOf('waiting', 'failed', 'conflict').sortBy('id');
  const seen = new Set<string>();
  const result: OpenDecisions = { due: [], queuedBehind: new Set(), nextDueAt: null };
  for (const row of open) {
    const key = keyOf(row);
    if (seen.has(key)) {
      result.queuedBehind.add(key);
      continue;
    }
    seen.add(key);
    if (row.state !== 'waiting') continue;
    if (row.notBefore <= now) result.due.push(row);
    else if (result.nextDueAt === null || row.notBefore < result.nextDueAt) result.nextDueAt = row.notBefore;
  }
  return result;
}

/** The next decision of each comment, when it is due; later ones wait for it. */
export async function dueRows(ctx: BackgroundContext, now: number): Promise<OutboxRow[]> {
  return (await openDecisions(ctx, now)).due;
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

/** Resolves `wait()` when something happened since the last wait (a send settled, a decision). */
function wakeups() {
  let pending = false;
  let resolve: (() => void) | null = null;
  return {
    notify() {
      pending = true;
      resolve?.();
    },
    async wait(timeoutMs: number | null): Promise<void> {
      if (!pending) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await new Promise<void>((done) => {
          resolve = done;
          if (timeoutMs !== null) timer = setTimeout(done, Math.max(0, timeoutMs));
        });
        clearTimeout(timer);
        resolve = null;
      }
      pending = false;
    },
  };
}

async function flush(ctx: BackgroundContext, limits: FlushLimits): Promise<FlushSummary> {
  const started = ctx.now();
  const summary = emptySummary();
  // Holding the lock, any row still "sending" belongs to a worker that died: send it again.
  // Counted as an attempt: it may have reached WordPress, so an undo must not simply cancel it (decide.ts).
  await ctx.db.outbox
    .where('state')
    .equals('sending')
    .modify((row) => {
      row.state = 'waiting';
      row.attempts += 1;
    });
  const attempted = new Set<number>();
  /** comments with a decision on the wire: their next decision waits for its answer */
  const onWire = new Set<string>();
  const senders = new Map<string, SiteSender | null>();
  const inFlight = new Set<Promise<void>>();
  const writeAnswer = answerWriter(ctx);
  const events = wakeups();
  let queue: OutboxRow[] = [];
  let queuedBehind = new Set<string>();
  let nextDueAt: number | null = null;
  let look = true;
  running.set(ctx, () => {
    look = true;
    events.notify();
  });

  const senderFor = async (siteId: string): Promise<SiteSender | null> => {
    if (!senders.has(siteId)) {
      const site = await ctx.db.sites.get(siteId);
      const usable = site !== undefined && site.status !== 'needs-login';
      senders.set(
        siteId,
        usable ? { site, client: await clientForSite(ctx, siteId), paused: false, onWire: 0, blockedBy: null } : null,
      );
    }
    return senders.get(siteId) ?? null;
  };

  const sendOne = async (sender: SiteSender, row: OutboxRow) => {
    const { siteId } = row;
    try {
      const sent = await send(sender.client, sender.site, row);
      await writeAnswer(row, sent);
      summary.done += 1;
      if (!summary.sitesReached.includes(siteId)) {
        summary.sitesReached.push(siteId);
        await markReachable(ctx, siteId);
      }
    } catch (error) {
      const outcome = outcomeOfFailure(row, error, ctx.now(), ctx.random);
      await applyFailure(ctx, row, outcome);
      const offline = unreachable(error);
      if (offline !== null) await markUnreachable(ctx, siteId, offline);
      const blocked = blockedSite(error, row.decision);
      if (blocked !== null) {
        sender.blockedBy = error;
        await markBlocked(ctx, siteId, blocked);
      }
      if (outcome.pauseSite !== undefined) {
        sender.paused = true;
        summary.pausedSites.push(siteId);
      } else if (outcome.row.state === 'waiting') summary.retrying += 1;
      else if (outcome.row.state === 'conflict') summary.conflicts += 1;
      else if (outcome.row.state === 'failed') summary.failed += 1;
      else summary.done += 1;
    }
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
      const starting: { sender: SiteSender; row: OutboxRow }[] = [];
      const later: OutboxRow[] = [];
      const heldByFirewall: { sender: SiteSender; row: OutboxRow }[] = [];
      for (const row of queue) {
        const sender = await senderFor(row.siteId);
        // A site that is gone or waits for a sign-in: its decisions stay waiting.
        if (!sender || sender.paused) continue;
        if (sender.blockedBy !== null) {
          attempted.add(row.id ?? 0);
          heldByFirewall.push({ sender, row });
          continue;
        }
        const full = sender.onWire >= limits.perSiteConcurrency || summary.sent + starting.length >= limits.maxSends;
        if (full || onWire.has(keyOf(row))) {
          later.push(row);
          continue;
        }
        sender.onWire += 1;
        onWire.add(keyOf(row));
        attempted.add(row.id ?? 0);
        starting.push({ sender, row });
      }
      queue = later;
      for (const { sender, row } of heldByFirewall) {
        await applyFailure(ctx, row, outcomeOfFailure(row, sender.blockedBy, ctx.now(), ctx.random));
        summary.retrying += 1;
      }
      // A row read before an undo cancelled it (it waited here for a place on the wire) is gone now: not sent.
      const claimed = starting.length > 0 ? await claimForSending(ctx, starting) : [];
      for (const { sender, row } of starting) {
        if (claimed.some((entry) => entry.row.id === row.id)) continue;
        attempted.delete(row.id ?? 0);
        sender.onWire -= 1;
        onWire.delete(keyOf(row));
      }
      if (claimed.length > 0) {
        summary.sent += claimed.length;
        for (const { sender, row } of claimed) {
          const sending: Promise<void> = sendOne(sender, row).finally(() => {
            inFlight.delete(sending);
            sender.onWire -= 1;
            onWire.delete(keyOf(row));
            // Read the outbox again for the comment's next decision, or when nothing is left in line.
            if (queue.length === 0 || queuedBehind.has(keyOf(row))) look = true;
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
    running.delete(ctx);
  }
  return summary;
}

/**
 * Marks the rows as on the wire — those still waiting as they are stored now, in one transaction
 * with the check, so an undo either cancels a row before this or finds it sending after.
 */
function claimForSending<T extends { row: OutboxRow }>(ctx: BackgroundContext, entries: readonly T[]): Promise<T[]> {
  const { outbox } = ctx.db;
  return ctx.db.transaction('rw', outbox, async () => {
    const stored = await outbox.bulkGet(entries.map(({ row }) => row.id ?? 0));
    const claimed: T[] = [];
    for (const [index, entry] of entries.entries()) {
      const row = stored[index];
      if (row?.state !== 'waiting') continue;
      // An earlier decision on the comment still open (its answer lost, waiting to be sent again) goes first.
      const earlier = await outbox
        .where('[siteId+commentId]')
        .equals([row.siteId, row.commentId])
        .filter((other) => (other.id ?? 0) < (row.id ?? 0) && other.state !== 'done')
        .count();
      if (earlier === 0) claimed.push({ ...entry, row: { ...row, state: 'sending' as const } });
    }
    await outbox.bulkUpdate(claimed.map(({ row }) => ({ key: row.id ?? 0, changes: { state: 'sending' } })));
    return claimed;
  });
}
