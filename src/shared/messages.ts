/**
 * Typed messages to the background, one union per sender (style habit 2). The background validates
 * every message against the schemas in message-schemas.ts before it acts: a sender is never trusted.
 */
import type { BlockEntry, SiteBlocklist } from './blocklist.ts';
import { browser } from './browser.ts';
import type { InlineState } from './inline-protocol.ts';
import type { ContentRequest, PageRequest } from './message-schemas.ts';

export type { ContentRequest, PageRequest } from './message-schemas.ts';

export type BackgroundRequest = ContentRequest | PageRequest;
export type InlineHistoryRequest = Extract<ContentRequest, { type: 'openCommenterHistory' }>;

export interface ConnectedSite {
  siteId: string;
  name: string;
  userName: string;
  mode: 'moderator' | 'author';
  signIn: 'session' | 'authorize' | 'password';
}

/** What the options page can offer for one site, before the user picks a sign-in. */
export interface SiteCheck {
  name: string;
  /** who the browser is logged in to the site as; null: nobody */
  loggedInAs: string | null;
  /** what to know about the browser's own session there (logged in as …, log in first, …) */
  sessionNote: string;
  /** why neither WordPress's authorize screen nor a pasted Application Password can work; null: they can */
  appPasswordsUnavailable: { code: string; message: string } | null;
}

/** What the tab the popup belongs to shows. */
export type TabProbe =
  /** `postId`: the article the tab shows, once its content script has reported it (else null) */
  | { kind: 'connected'; siteId: string; name: string; postId: number | null }
  /** `site`: where the site lives, to show — its origin, or its folder on a multisite's sub-site */
  | { kind: 'connectable'; url: string; site: string }
  | { kind: 'not-wordpress' }
  | { kind: 'unavailable' };

export interface SyncSummary {
  siteId: string;
  /** pending comments now in the cache */
  pending: number;
  /** X-WP-Total of the pending query (for non-moderators counted before WordPress's permission filter) */
  serverTotal: number;
}

/** What a server search found on one site (see background/sync/search.ts). */
export type ServerSearchSite =
  | {
      siteId: string;
      outcome: 'found';
      /** comments that are in the view now and were not before the search */
      added: number;
      /** comments WordPress sent (at most one page) */
      received: number;
      /** X-WP-Total: how many WordPress matched (for authors counted before its permission filter) */
      total: number;
    }
  /** an author in Spam or Trash: WordPress would refuse, so nothing was asked */
  | { siteId: string; outcome: 'not-allowed' }
  | {
      siteId: string;
      outcome: 'failed';
      reason: 'offline' | 'needs-login' | 'forbidden' | 'invalid' | 'error';
      message: string;
    };

/** What a bulk job's filter matches on the server, before it starts (see shared/jobs.ts). */
export interface JobPreview {
  /** X-WP-Total */
  total: number;
  /** the newest few, as WordPress rendered them (untrusted HTML: shown through the sanitizer) */
  first: {
    id: number;
    post: number;
    postTitle: string | null;
    authorName: string;
    date: number;
    contentHtml: string;
    status: string;
  }[];
  /** whether the Freigabe Bridge will do it on the server (otherwise one REST request per comment) */
  route: 'bridge' | 'rest';
}

/**
 * A commenter's history on one site, read from WordPress (background/read-commenter-history.ts):
 * moderators by the address (every status, counted by WordPress), authors by the name among the
 * comments on their own posts (what WordPress lets them see).
 */
export interface CommenterHistory {
  siteId: string;
  /** `email`: by the address (moderators); `name`: by the name, on the user's own posts only (authors) */
  by: 'email' | 'name';
  /** the address or the name asked about */
  who: string;
  /** null: WordPress does not let this user see that status */
  counts: { approved: number; pending: number; spam: number | null; trash: number | null };
  /** UTC milliseconds of the first and the last comment; null when there is none */
  first: number | null;
  last: number | null;
  /** the posts commented on (of the comments read), most comments first */
  posts: { id: number; title: string | null; link: string | null; comments: number }[];
  /** the IPs and URLs used (moderators see IPs; of the comments read), most used first */
  ips: string[];
  urls: string[];
  /** comments read for posts, IPs and URLs (the newest), and how many there are in all */
  read: number;
  total: number;
  /** moderators: how many comments WordPress's search finds for this comment's IP (any status, any author) */
  sameIp: { ip: string; total: number } | null;
}

/** What "Unreplied" found on one site (see background/unreplied.ts and ADR 028). */
export type UnrepliedSite =
  | {
      siteId: string;
      outcome: 'found';
      /** approved comments with no reply from their post's author, newest first (now in the cache) */
      comments: { id: number; post: number; postAuthor: number }[];
      /** the posts' authors, by name (moderators filter by them) */
      postAuthors: { id: number; name: string }[];
      /** approved comments looked at (the newest of the last `days` days) */
      checked: number;
      days: number;
    }
  | { siteId: string; outcome: 'failed'; message: string };

/** What blocking answered: the entry, and whether it is a new line (Freigabe's; undo removes it). */
export interface BlockAnswer extends BlockEntry {
  result: 'added' | 'present';
}

/** What each request answers with. */
export interface ResponseMap {
  pageDetected: { connected: boolean };
  inlineState: InlineState;
  decideInline: { outboxIds: number[] };
  undoInline: { result: 'cancelled' | 'reversed' };
  saveDraftInline: { saved: boolean };
  /** asked for by the moderator, one comment at a time: never part of what the page gets otherwise */
  commenterDetails: { email: string | null; ip: string | null; url: string };
  openCommenterHistory: { opened: true };
  blockInline: BlockAnswer;
  unblockInline: { result: 'removed' | 'gone' };
  loadBlockPanel: { loaded: true };
  loadReactionsPanel: { loaded: true };
  /** null: nothing to read there (no Bridge with the route, or not a moderator) */
  readBlocklist: SiteBlocklist | null;
  blockCommenter: BlockAnswer;
  unblock: { result: 'removed' | 'gone' };
  connectWithPassword: ConnectedSite;
  connectWithSession: ConnectedSite;
  checkSite: SiteCheck;
  startAuthorization: { authorizeUrl: string };
  completeAuthorization: ConnectedSite;
  disconnectSite: { siteId: string };
  probeTab: TabProbe;
  syncNow: SyncSummary[];
  /** the outbox rows of the decisions, one per comment */
  decide: { outboxIds: number[] };
  undo: { result: 'cancelled' | 'reversed' };
  /** whether a draft is now stored (false: the empty draft was deleted) */
  saveDraft: { saved: boolean };
  retry: { state: 'waiting' | 'sending' | 'done' };
  clearCache: { siteId: string; removed: number };
  /** one entry per site searched, in the order of the sites */
  searchServer: { sites: ServerSearchSite[] };
  previewJob: JobPreview;
  startJob: { jobId: number };
  controlJob: { state: 'running' | 'paused' | 'cancelled' | 'done' };
  /** the new job that reverses it */
  undoJob: { jobId: number };
  /** how many addresses WordPress was asked about (the answers are written to the cache) */
  checkCommenterHistory: { asked: number };
  readCommenterHistory: CommenterHistory;
  findUnreplied: { sites: UnrepliedSite[] };
}

export type ResponseFor<R extends BackgroundRequest> = ResponseMap[R['type']];

export interface ErrorReply {
  code: string;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorReply };

export class MessageError extends Error {
  override readonly name = 'MessageError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Sends a request to the background and unwraps its reply (throws MessageError on failure). */
export async function sendToBackground<R extends BackgroundRequest>(request: R): Promise<ResponseFor<R>> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<ResponseFor<R>> | undefined;
  if (!reply) throw new MessageError('no_reply', 'The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.value;
}
