/**
 * Signals shown with a queue item: how many links, an imported social mention, a first-time
 * commenter. Pure string work, no DOM: runs in the popup, the page and the service worker.
 */
import type { CommentRow, ReputationRow } from './db/rows.ts';

/**
 * Links in comment HTML, counted the way WordPress counts them for its "hold a comment with more
 * than N links" rule (`check_comment`: `<a [^>]*href`, case-insensitive): every `<a …>` tag with
 * an `href`, whatever its target. WordPress's rendered content already turned bare URLs into
 * links (`make_clickable`). Written as a scan rather than that pattern: it stays linear on
 * hostile input such as "<a <a <a …" with no ">".
 */
export function linkCount(html: string): number {
  const source = html.toLowerCase();
  let count = 0;
  // Where the next ">" and "href" are (-2: not looked up yet, -1: none left). Each is looked up
  // again only once a tag starts after it, so the whole scan reads the text a bounded number of times.
  let nextClose = -2;
  let nextHref = -2;
  for (let open = source.indexOf('<a'); open !== -1; open = source.indexOf('<a', open + 2)) {
    if (!/\s/.test(source.charAt(open + 2))) continue;
    if (nextClose !== -1 && nextClose < open) nextClose = source.indexOf('>', open);
    if (nextHref !== -1 && nextHref < open) nextHref = source.indexOf('href', open);
    const tagEnd = nextClose === -1 ? source.length : nextClose;
    if (nextHref !== -1 && nextHref < tagEnd) count++;
  }
  return count;
}

/** What `isImportedTweet` looks at: a cached comment has all of these (`CommentRow`). */
export interface SocialMentionInput {
  authorUrl: string;
  authorEmail?: string | null;
  authorUserAgent?: string | null;
  /** plain text of the content */
  text?: string;
}

/** The user agent of the "Twitter Mentions as Comments" plugin, which imports tweets as comments. */
const TWEET_IMPORTER = /twitter mentions as comments/i;
/** Where social posts live: author URLs on these hosts belong to a post or profile, not a blog. */
const SOCIAL_HOSTS = new Set([
  'twitter.com',
  'mobile.twitter.com',
  'x.com',
  't.co',
  'bsky.app',
  'bsky.social',
  'brid.gy',
  'fed.brid.gy',
  'threads.net',
  'www.threads.net',
  'mastodon.social',
  'mastodon.online',
  'chaos.social',
  'social.tchncs.de',
  'mstdn.social',
]);
/** A Mastodon (and most fediverse software) status: https://any.instance/@name/123456 */
const FEDIVERSE_STATUS = /^\/@[\w.-]+\/\d+\/?$/;
const RETWEET = /^\s*rt\s+@\w+/i;

/**
 * Whether a comment is a social-media mention imported into WordPress (or pasted from one): the
 * tweet importer's user agent or its `…@twitter.com` address, an author URL on a social network
 * (Twitter/X, t.co, Bluesky, Bridgy, Threads, well-known Mastodon instances, or a fediverse status
 * URL on any instance), or a text that is a retweet ("RT @name …").
 */
export function isImportedTweet(comment: SocialMentionInput): boolean {
  if (comment.authorUserAgent && TWEET_IMPORTER.test(comment.authorUserAgent)) return true;
  if (comment.authorEmail?.toLowerCase().endsWith('@twitter.com')) return true;
  if (comment.text !== undefined && RETWEET.test(comment.text)) return true;
  const url = parseHttpUrl(comment.authorUrl);
  if (!url) return false;
  return isSocialHost(url.hostname) || FEDIVERSE_STATUS.test(url.pathname);
}

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    // Not a URL: no signal.
    return null;
  }
}

function isSocialHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return SOCIAL_HOSTS.has(host) || SOCIAL_HOSTS.has(`www.${host}`);
}

/**
 * Whether nothing was decided here before about this commenter: no approved, spam or trashed
 * comment under any of the reputation rows passed (their email, URL host and IP). Rows for the
 * host of a social network (`host:twitter.com`) are ignored: thousands of people share it, so it
 * says nothing about this one. Local reputation counts the decisions this browser has seen; a
 * commenter approved long before the site was connected is "first time" here until then.
 */
export function isFirstTime(
  reputation: readonly Pick<ReputationRow, 'key' | 'approved' | 'spam' | 'trashed'>[],
): boolean {
  return reputation.every(
    (row) =>
      (row.key.startsWith('host:') && isSocialHost(row.key.slice('host:'.length))) ||
      row.approved + row.spam + row.trashed === 0,
  );
}

/**
 * - `first-comment`: WordPress confirmed it — no approved comment from this address on the blog,
 *   and nothing decided here about their address, website or IP either;
 * - `first-seen`: nothing decided here about them, and WordPress was not (or could not be) asked —
 *   an author sees no addresses, a comment may have none, the site may be offline — so a regular
 *   approved before the blog was connected looks the same;
 * - null: no signal (known here or on the blog, not pending, or a pingback/trackback).
 */
export type FirstTimeSignal = 'first-comment' | 'first-seen' | null;

/**
 * Whether a comment can carry the first-time signal at all: a pending comment (a decision is ahead;
 * on a decided one its own outcome would count) from a person (pingbacks and trackbacks come from
 * sites, and WordPress's own "previously approved" rule skips them too).
 */
export function wantsFirstTimeSignal(comment: Pick<CommentRow, 'status' | 'type'>): boolean {
  return comment.status === 'hold' && comment.type !== 'pingback' && comment.type !== 'trackback';
}

/**
 * The first-time signal of a pending comment from local reputation and, where WordPress was asked,
 * its count of the address's approved comments (see `wantsFirstTimeSignal` for which comments).
 *
 * The server count goes by email alone, where WordPress's `comment_previously_approved` (which
 * approves without a moderator) also wants the same author name: people write their name
 * differently from comment to comment, and flagging a regular as new is exactly what this signal
 * must not do. The price: someone who borrows a regular's address is not flagged — this is a hint
 * to a moderator who reads the comment and sees its name, not an automatic approval.
 */
export function firstTimeSignal({
  comment,
  reputation,
  serverApproved,
}: {
  comment: Pick<CommentRow, 'status' | 'type'>;
  reputation: Parameters<typeof isFirstTime>[0];
  /** approved comments with this address on the server, as last answered (null: not known) */
  serverApproved: number | null;
}): FirstTimeSignal {
  if (!wantsFirstTimeSignal(comment)) return null;
  if (!isFirstTime(reputation)) return null;
  if (serverApproved === null) return 'first-seen';
  return serverApproved > 0 ? null : 'first-comment';
}
