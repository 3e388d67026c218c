/**
 * The first-time signal, confirmed with WordPress: for the pending comments the popup shows, how many
 * approved comments their authors' addresses have on the blog — one
 * `GET /wp/v2/comments?author_email=…&status=approve&type=comment&per_page=1&_fields=id` per address,
 * counted by X-WP-Total, the way WordPress decides "previously approved" (by email; see
 * `firstTimeSignal` for why not also by name). Local reputation only knows what this browser saw
 * decided; a regular approved fifty times before the blog was connected is not new.
 *
 * Bounded, because nobody asked for these requests one by one: moderators only (authors see no
 * addresses), addresses taken from the cache (never from the message), each at most once a day
 * (an hour after a failure; see shared/commenter-history.ts), three requests at a time across all
 * sites, none while the user's decisions are being sent, and after a failure the site's other
 * addresses wait a minute. Signed-out and offline sites are not asked: the popup then shows what it
 * knows locally.
 */
import {
  historyDue,
  historyEmail,
  historyForgetAfterMs,
  historyFreshForMs,
  historyRetryAfterMs,
} from '../shared/commenter-history.ts';
import type { CommenterHistoryRow, CommentRow } from '../shared/db/index.ts';
import { wantsFirstTimeSignal } from '../shared/signals.ts';
import type { WpClient } from '../shared/wp/client.ts';
import { WpError } from '../shared/wp/errors.ts';
import type { BackgroundContext } from './context.ts';
import { createLimiter, type Limiter } from './limiter.ts';
import { whenFlushIdle } from './outbox/running.ts';
import { ReplyError } from './reply-error.ts';
import { clientForSite } from './sites/site-client.ts';

/** Requests in flight at most, over all sites. */
export const historyConcurrency = 3;
/** After a failed request the site's other addresses wait this long (in memory: a restart forgets it). */
export const siteCooldownMs = 60_000;

interface HistoryState {
  limiter: Limiter;
  /** by `siteId\nemail`: an address being asked about is not asked about twice at once */
  asking: Map<string, Promise<boolean>>;
  /** by site: no requests before this time */
  coolingUntil: Map<string, number>;
}

// One state per background (tests make one context each); memory only, the cache is the truth.
const states = new WeakMap<BackgroundContext, HistoryState>();

function stateOf(ctx: BackgroundContext): HistoryState {
  let state = states.get(ctx);
  if (!state) {
    state = { limiter: createLimiter(historyConcurrency), asking: new Map(), coolingUntil: new Map() };
    states.set(ctx, state);
  }
  return state;
}

/**
 * Asks WordPress about the authors of these cached comments whose answer is missing or old; answers
 * how many addresses it asked about. Resolves once the answers are in the cache.
 */
export async function checkCommenterHistory(
  ctx: BackgroundContext,
  siteId: string,
  commentIds: readonly number[],
): Promise<{ asked: number }> {
  const site = await ctx.db.sites.get(siteId);
  if (!site) throw new ReplyError('site_not_connected', 'This site is not connected.');
  if (site.mode !== 'moderator' || site.status === 'needs-login' || site.status === 'offline') return { asked: 0 };
  const comments = await ctx.db.comments.bulkGet(commentIds.map((id) => [siteId, id] as [string, number]));
  const addresses = uniqueAddresses(comments);
  const now = ctx.now();
  const known = await ctx.db.commenterHistory.bulkGet([...addresses.keys()].map((email) => [siteId, email]));
  const due = [...addresses].filter((_, index) => historyDue(known[index], now));
  if (due.length === 0) return { asked: 0 };
  const client = await clientForSite(ctx, siteId);
  const asked = await Promise.all(due.map(([email, written]) => askOnce(ctx, client, { siteId, email, written })));
  await ctx.db.commenterHistory
    .where('nextCheckAt')
    .below(now - historyForgetAfterMs)
    .delete();
  return { asked: asked.filter(Boolean).length };
}

/** One address to ask about: as the cache keys it, and as its comment has it (sent to WordPress). */
interface Question {
  siteId: string;
  /** lowercased: the key of its `commenterHistory` row */
  email: string;
  written: string;
}

/** By the lowercased address: the address as the first of its comments has it. */
function uniqueAddresses(comments: readonly (CommentRow | undefined)[]): Map<string, string> {
  const addresses = new Map<string, string>();
  for (const comment of comments) {
    if (!comment || !wantsFirstTimeSignal(comment)) continue;
    const email = historyEmail(comment);
    if (email && !addresses.has(email)) addresses.set(email, comment.authorEmail?.trim() ?? email);
  }
  return addresses;
}

function askOnce(ctx: BackgroundContext, client: WpClient, question: Question): Promise<boolean> {
  const { asking, limiter } = stateOf(ctx);
  const key = `${question.siteId}\n${question.email}`;
  const current = asking.get(key);
  if (current) return current;
  const work = limiter.run(() => ask(ctx, client, question)).finally(() => asking.delete(key));
  asking.set(key, work);
  return work;
}

async function ask(ctx: BackgroundContext, client: WpClient, { siteId, email, written }: Question): Promise<boolean> {
  const { coolingUntil } = stateOf(ctx);
  if ((coolingUntil.get(siteId) ?? 0) > ctx.now()) return false;
  // The user's decisions first: while they are being sent, this waits (one request fewer for them to wait behind).
  await whenFlushIdle(ctx);
  // Another popup's request may have answered while this one waited in line.
  const previous = await ctx.db.commenterHistory.get([siteId, email]);
  if (!historyDue(previous, ctx.now())) return false;
  let row: CommenterHistoryRow;
  try {
    const { total } = await client.listCommentIds({
      authorEmail: written,
      status: 'approve',
      type: 'comment',
      perPage: 1,
    });
    const at = ctx.now();
    row = { siteId, email, approved: total, checkedAt: at, nextCheckAt: at + historyFreshForMs };
  } catch (error) {
    const at = ctx.now();
    // An address WordPress refuses (400: not a valid email) will be refused tomorrow too; anything
    // else (offline, timeout, signed out, forbidden) says the site is not answering: stop asking it.
    const refused = error instanceof WpError && error.kind === 'terminal';
    if (!refused) coolingUntil.set(siteId, at + siteCooldownMs);
    // What WordPress said before still stands.
    row = {
      siteId,
      email,
      approved: previous?.approved ?? null,
      checkedAt: previous?.checkedAt ?? null,
      nextCheckAt: at + (refused ? historyFreshForMs : historyRetryAfterMs),
    };
  }
  // The site may have been disconnected meanwhile: write nothing for a site that is gone.
  await ctx.db.transaction('rw', ctx.db.sites, ctx.db.commenterHistory, async () => {
    if (await ctx.db.sites.get(siteId)) await ctx.db.commenterHistory.put(row);
  });
  return true;
}
