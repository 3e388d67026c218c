/**
 * Sends due decisions to WordPress: one flush at a time (Web Locks: across the worker's restarts
 * and pages), in decision order per comment, at most 4 requests in flight per site, bounded in
 * count and time per run (well inside the service worker's limits). A worker that died mid-send
 * left rows in "sending": they are sent again (status changes are idempotent on WordPress).
 */
import type { OutboxRow, SiteRow } from '../../shared/db/index.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { preservable } from '../../shared/wp/comments.ts';
import type { WpComment } from '../../shared/wp/schemas.ts';
import type { BackgroundContext } from '../context.ts';
import { restoreDraft } from '../drafts.ts';
import { defaultLocks, flushLockName } from '../locks.ts';
import { ReputationChanges } from '../reputation.ts';
import { blockedSite, markBlocked, markReachable, markUnreachable, unreachable } from '../sites/reachability.ts';
import { clientForSite } from '../sites/site-client.ts';
import { toCommentRow } from '../sync/cache-write.ts';
import { type Outcome, outcomeOfFailure } from './outcome.ts';
import { statusTargets } from './status.ts';

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

/** The next decision of each comment, when it is due; later ones wait for it. */
export async function dueRows(ctx: BackgroundContext, now: number): Promise<OutboxRow[]> {
  const open = await ctx.db.outbox.where('state').anyOf('waiting', 'failed', 'conflict').sortBy('id');
  const seen = new Set<string>();
  const due: OutboxRow[] = [];
  for (const row of open) {
    const key = `${row.siteId}\n${row.commentId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (row.state === 'waiting' && row.notBefore <= now) due.push(row);
  }
  return due;
}

/** What WordPress made of a sent decision, for the cache. */
interface Sent {
  status: string | null;
  /** an edited comment or a new reply, as WordPress now has it */
  comment?: WpComment;
}

async function send(client: WpClient, site: SiteRow, row: OutboxRow): Promise<Sent> {
  const preserve = preservable(site.mode, row.snapshot);
  const target = statusTargets[row.decision];
  if (target) {
    const result = await client.setStatus(row.commentId, target, preserve);
    return { status: result.comment?.status ?? null };
  }
  switch (row.decision) {
    case 'trash':
      await client.trash(row.commentId);
      return { status: 'trash' };
    case 'edit':
      return { status: null, comment: await client.editContent(row.commentId, row.content ?? '', preserve) };
    case 'reply': {
      const reply = await client.reply({ post: row.snapshot.post, parent: row.commentId, content: row.content ?? '' });
      return { status: null, comment: reply };
    }
    default:
      await client.deletePermanently(row.commentId);
      return { status: null };
  }
}

async function apply(ctx: BackgroundContext, row: OutboxRow, outcome: Outcome): Promise<void> {
  const { db } = ctx;
  const key: [string, number] = [row.siteId, row.commentId];
  await db.transaction('rw', [db.outbox, db.comments, db.sites, db.reputation, db.drafts], async () => {
    await db.outbox.update(row.id ?? 0, outcome.row);
    if (outcome.draft !== undefined)
      await restoreDraft(ctx, row.siteId, row.commentId, row.decision === 'edit' ? 'edit' : 'reply', outcome.draft);
    // The decision did not happen: the author's reputation goes back to what it was before it.
    const reputation = new ReputationChanges(row.siteId);
    if (outcome.comment === 'remove') {
      await db.comments.delete(key);
      if (row.decision !== 'reply' && row.decision !== 'edit') reputation.follow(row.snapshot);
    }
    // Roll back what this decision changed in the cache (a reply changed nothing there).
    if (outcome.comment === 'rollback' && row.decision === 'edit') await db.comments.put(row.snapshot);
    else if (outcome.comment === 'rollback' && row.decision !== 'reply') {
      const cached = await db.comments.get(key);
      const restored = { ...(cached ?? row.snapshot), status: row.previousStatus };
      await db.comments.put(restored);
      reputation.follow(restored);
    }
    await reputation.apply(db, ctx.now());
    if (outcome.pauseSite !== undefined) {
      await db.sites.update(row.siteId, { status: 'needs-login', statusMessage: outcome.pauseSite });
    }
  });
}

async function flush(ctx: BackgroundContext, limits: FlushLimits): Promise<FlushSummary> {
  const started = ctx.now();
  const summary = emptySummary();
  // Holding the lock, any row still "sending" belongs to a worker that died: send it again.
  await ctx.db.outbox.where('state').equals('sending').modify({ state: 'waiting' });
  // Decisions made while a round is on the wire go out in the next round of the same flush.
  const attempted = new Set<number>();
  for (;;) {
    const room = limits.maxSends - summary.sent;
    if (room <= 0 || ctx.now() - started > limits.maxMs) break;
    const rows = (await dueRows(ctx, ctx.now())).filter((row) => !attempted.has(row.id ?? 0)).slice(0, room);
    if (rows.length === 0) break;
    for (const row of rows) attempted.add(row.id ?? 0);
    await flushRound(ctx, limits, started, rows, summary);
  }
  return summary;
}

/** Sends one set of due rows, `perSiteConcurrency` at a time per site. */
async function flushRound(
  ctx: BackgroundContext,
  limits: FlushLimits,
  started: number,
  rows: OutboxRow[],
  summary: FlushSummary,
): Promise<void> {
  const bySite = new Map<string, OutboxRow[]>();
  for (const row of rows) bySite.set(row.siteId, [...(bySite.get(row.siteId) ?? []), row]);
  // The whole round is "sending" in one transaction (a worker stopped now sends them again); what
  // the round does not send after all (a paused site, the time limit) is waiting again after it.
  await setStates(ctx, rows, 'sending');
  const taken = new Set<OutboxRow>();
  const writeAnswer = answerWriter(ctx);

  await Promise.all(
    [...bySite].map(async ([siteId, queue]) => {
      const site = await ctx.db.sites.get(siteId);
      if (!site || site.status === 'needs-login') return;
      const client = await clientForSite(ctx, siteId);
      let paused = false;
      // A firewall in front of the whole site: the site's other decisions wait with it, unsent.
      let siteBlockedBy: unknown = null;
      const worker = async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          if (paused || ctx.now() - started > limits.maxMs) return;
          taken.add(row);
          if (siteBlockedBy !== null) {
            await apply(ctx, row, outcomeOfFailure(row, siteBlockedBy, ctx.now(), ctx.random));
            summary.retrying += 1;
            continue;
          }
          summary.sent += 1;
          try {
            const sent = await send(client, site, row);
            await writeAnswer(row, sent);
            summary.done += 1;
            if (!summary.sitesReached.includes(siteId)) {
              summary.sitesReached.push(siteId);
              await markReachable(ctx, siteId);
            }
          } catch (error) {
            const outcome = outcomeOfFailure(row, error, ctx.now(), ctx.random);
            await apply(ctx, row, outcome);
            const offline = unreachable(error);
            if (offline !== null) await markUnreachable(ctx, siteId, offline);
            const blocked = blockedSite(error, row.decision);
            if (blocked !== null) {
              siteBlockedBy = error;
              await markBlocked(ctx, siteId, blocked);
            }
            if (outcome.pauseSite !== undefined) {
              paused = true;
              summary.pausedSites.push(siteId);
            } else if (outcome.row.state === 'waiting') summary.retrying += 1;
            else if (outcome.row.state === 'conflict') summary.conflicts += 1;
            else if (outcome.row.state === 'failed') summary.failed += 1;
            else summary.done += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: limits.perSiteConcurrency }, worker));
    }),
  );
  await setStates(
    ctx,
    rows.filter((row) => !taken.has(row)),
    'waiting',
  );
}

/**
 * Writes WordPress's answers into the outbox and the cache: the first at once, and everything
 * answered while a write runs in the next one, as one transaction. Under load (a moderator's
 * decisions arriving while the round is on the wire) that is a few transactions instead of one per
 * decision, each of which the decisions' own transactions would queue behind. An answer is
 * settled once its write is done; a worker stopped before that sends it again (idempotent).
 */
function answerWriter(ctx: BackgroundContext): (row: OutboxRow, sent: Sent) => Promise<void> {
  const { db } = ctx;
  let queued: { row: OutboxRow; sent: Sent; done: () => void; failed: (error: unknown) => void }[] = [];
  let writing = false;
  const writeQueued = async () => {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        await db.transaction('rw', db.outbox, db.comments, db.reputation, async () => {
          const reputations = new Map<string, ReputationChanges>();
          for (const { row, sent } of batch) {
            let reputation = reputations.get(row.siteId);
            if (!reputation) {
              reputation = new ReputationChanges(row.siteId);
              reputations.set(row.siteId, reputation);
            }
            await writeOne(ctx, row, sent, reputation);
          }
          for (const reputation of reputations.values()) await reputation.apply(db, ctx.now());
        });
        for (const answer of batch) answer.done();
      } catch (error) {
        for (const answer of batch) answer.failed(error);
      }
    }
    writing = false;
  };
  return (row, sent) =>
    new Promise<void>((done, failed) => {
      queued.push({ row, sent, done, failed });
      if (!writing) {
        writing = true;
        void writeQueued();
      }
    });
}

/** One answer, inside the writer's transaction. */
async function writeOne(ctx: BackgroundContext, row: OutboxRow, sent: Sent, reputation: ReputationChanges) {
  const resultId = row.decision === 'reply' ? (sent.comment?.id ?? null) : null;
  await ctx.db.outbox.update(row.id ?? 0, { state: 'done', sentAt: ctx.now(), error: null, resultId });
  // WordPress's answer is the truth now (unspam may restore "approved", not "hold").
  if (sent.status !== null) {
    await ctx.db.comments.update([row.siteId, row.commentId], { status: sent.status });
    const updated = await ctx.db.comments.get([row.siteId, row.commentId]);
    if (updated) reputation.follow(updated);
  }
  if (sent.comment) {
    const written = toCommentRow(row.siteId, sent.comment, ctx.now());
    await ctx.db.comments.put(written);
    reputation.follow(written);
  }
}

function setStates(ctx: BackgroundContext, rows: readonly OutboxRow[], state: 'sending' | 'waiting') {
  return ctx.db.outbox.bulkUpdate(rows.map((row) => ({ key: row.id ?? 0, changes: { state } })));
}
