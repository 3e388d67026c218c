/**
 * "Block this commenter", the pure part (the background, the popup, the options page and the
 * inline view share it): WordPress's two comment blocklists, what an entry may be, which entries a
 * comment suggests, and which entry a comment matches — by WordPress's own rules
 * (`wp_check_comment_disallowed_list()` and `check_comment()` in wp-includes/comment.php):
 *
 * - one entry per line, trimmed, empty lines skipped;
 * - an entry matches when it occurs anywhere (case-insensitive, `#…#iu` on the quoted entry) in
 *   the commenter's name, email, URL, IP or user agent, or in the comment's text — the Disallowed
 *   list also in the text without its HTML tags;
 * - a new comment that matches the Disallowed list goes to the Trash (to Spam where the Trash is
 *   switched off); one that matches the Moderation list waits for approval. Disallowed wins.
 */
import { urlHost } from './reputation.ts';

export const blockLists = ['disallowed', 'moderation'] as const;
/** `disallowed`: "Disallowed Comment Keys" (to the Trash); `moderation`: "Comment Moderation" (held). */
export type BlockList = (typeof blockLists)[number];

export const blockKeyKinds = ['email', 'ip', 'host', 'word'] as const;
/** What an entry is taken from: the commenter's email, IP, website's host, or a word the user types. */
export type BlockKeyKind = (typeof blockKeyKinds)[number];

/** The Bridge refuses shorter entries: a letter or two would hold back almost every comment. */
const blockEntryMinLength = 3;
export const blockEntryMaxLength = 200;

/** Both lists as WordPress keeps them (their lines) and the entries Freigabe added to them. */
export interface Blocklists {
  disallowed: string[];
  moderation: string[];
  added: BlockEntry[];
}

export interface BlockEntry {
  list: BlockList;
  entry: string;
}

/** The fields of a comment WordPress matches an entry against. */
export interface BlockableComment {
  authorName: string;
  authorEmail: string | null;
  authorUrl: string;
  authorIp: string | null;
  authorUserAgent: string | null;
  /** the text as written (moderators); else the rendered HTML */
  contentRaw: string | null;
  contentHtml: string;
}

/** The entry as WordPress will read it (trimmed), or why it cannot be one. */
export function checkBlockEntry(
  value: string,
): { ok: true; entry: string } | { ok: false; reason: 'line-break' | 'too-short' | 'too-long' } {
  if (/[\r\n]/.test(value)) return { ok: false, reason: 'line-break' };
  const entry = value.trim();
  if ([...entry].length < blockEntryMinLength) return { ok: false, reason: 'too-short' };
  if ([...entry].length > blockEntryMaxLength) return { ok: false, reason: 'too-long' };
  return { ok: true, entry };
}

/** The entry a comment offers for each kind of key (null: the comment has none, or it is too short). */
export function blockKeysOf(
  comment: Pick<BlockableComment, 'authorEmail' | 'authorIp' | 'authorUrl'>,
): Record<Exclude<BlockKeyKind, 'word'>, string | null> {
  const usable = (value: string | null | undefined) => {
    const checked = checkBlockEntry(value ?? '');
    return checked.ok ? checked.entry : null;
  };
  return {
    email: usable(comment.authorEmail),
    ip: usable(comment.authorIp),
    host: usable(urlHost(comment.authorUrl)),
  };
}

/** Each list's entries trimmed and folded once: lists run to thousands of lines, rows to hundreds. */
type FoldedLists = readonly { list: BlockList; entry: string; needle: string }[];
const foldedLists = new WeakMap<object, FoldedLists>();

function foldedOnce(lists: Pick<Blocklists, 'disallowed' | 'moderation'>): FoldedLists {
  let found = foldedLists.get(lists);
  if (!found) {
    found = blockLists.flatMap((list) =>
      lists[list]
        .map((line) => ({ list, entry: line.trim(), needle: folded(line.trim()) }))
        .filter(({ needle }) => needle !== ''),
    );
    foldedLists.set(lists, found);
  }
  return found;
}

/**
 * The first entry of the lists that a comment matches, the Disallowed list first (it decides: such
 * a comment goes to the Trash whatever the Moderation list says); null: none.
 */
export function matchBlocklists(
  lists: Pick<Blocklists, 'disallowed' | 'moderation'>,
  comment: BlockableComment,
): BlockEntry | null {
  const text = comment.contentRaw ?? comment.contentHtml;
  const fields = [
    comment.authorName,
    comment.authorEmail ?? '',
    comment.authorUrl,
    text,
    comment.authorIp ?? '',
    comment.authorUserAgent ?? '',
  ].map(folded);
  const withoutTags = folded(text.replace(/<[^>]*>/g, ''));
  for (const { list, entry, needle } of foldedOnce(lists)) {
    if (fields.some((field) => field.includes(needle))) return { list, entry };
    if (list === 'disallowed' && withoutTags.includes(needle)) return { list, entry };
  }
  return null;
}

/** Case-insensitive as PHP's `/iu`: both sides folded the same way. */
function folded(value: string): string {
  return value.toLowerCase();
}

/** A site's blocklists in the cache: read, or refused because the user is not an administrator. */
export type SiteBlocklist =
  | { state: 'read'; lists: Blocklists; readAt: number }
  | { state: 'admin-only'; readAt: number };

/**
 * Whether "Block this commenter" can work on a site, from what the cache knows: `ready` (an
 * administrator with a Bridge that has the route, or a moderator not asked yet), `admin-only` (an
 * editor: WordPress lets only administrators change the lists), `no-bridge`, `old-bridge` (1.0:
 * update it), or `not-offered` (authors: WordPress would never let them).
 */
export type BlockAvailability = 'ready' | 'admin-only' | 'no-bridge' | 'old-bridge' | 'not-offered';

export function blockAvailability(site: {
  mode: 'moderator' | 'author';
  bridge?: { blocklist?: boolean } | null;
  blocklist?: SiteBlocklist;
}): BlockAvailability {
  if (site.mode !== 'moderator') return 'not-offered';
  if (!site.bridge) return 'no-bridge';
  if (!site.bridge.blocklist) return 'old-bridge';
  return site.blocklist?.state === 'admin-only' ? 'admin-only' : 'ready';
}

/** Where an administrator uploads the Bridge (or a newer one): wp-admin's "Upload Plugin" screen. */
export function bridgeInstallUrl(siteUrl: string): string {
  return new URL('wp-admin/plugin-install.php?tab=upload', siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/** What the user chose in the block form. */
export interface BlockChoice {
  key: BlockKeyKind;
  word?: string;
  list: BlockList;
}
