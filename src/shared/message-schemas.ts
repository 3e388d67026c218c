/**
 * The shapes of messages to the background, as valibot schemas. Only the background imports this
 * (it validates every message it receives); senders use the types in messages.ts.
 */
import * as v from 'valibot';
import { blockEntryMaxLength, blockKeyKinds, blockLists } from './blocklist.ts';
import { commentMaxLength } from './comment-text.ts';
import { historyBatchSize } from './commenter-history.ts';
import { jobActions, jobCommentTypes, jobFilterStatuses, maxJobSize } from './jobs.ts';
import { draftKinds, requestedDecisions } from './moderation.ts';
import { viewNames } from './views.ts';

const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const postId = v.nullable(id);
const decision = v.picklist(requestedDecisions);
const text = v.pipe(v.string(), v.maxLength(commentMaxLength));
const draftKind = v.picklist(draftKinds);
const blockList = v.picklist(blockLists);
/** a line of a blocklist (the background checks what WordPress would accept: shared/blocklist.ts) */
const blockEntry = v.pipe(v.string(), v.minLength(1), v.maxLength(blockEntryMaxLength * 2));
/** what to block: the comment's email, IP or website (taken from the cache), or a word of the user's */
const blockWhat = { key: v.picklist(blockKeyKinds), word: v.optional(blockEntry), list: blockList };

/**
 * From the content script on a page of a connected site. The site is always the sender's origin,
 * and the article the one the tab reported: messages never name a site.
 */
export const contentRequestSchema = v.variant('type', [
  v.object({
    type: v.literal('pageDetected'),
    page: v.object({
      isWordPress: v.boolean(),
      restRoot: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
      postId,
      commentsInDom: v.optional(v.nullable(v.boolean()), null),
    }),
  }),
  v.object({
    type: v.literal('inlineState'),
    includeSpam: v.boolean(),
    /** comments decided on this page: shown whatever their status, until the page is left */
    keep: v.optional(v.pipe(v.array(id), v.maxLength(1000)), []),
  }),
  v.object({
    type: v.literal('decideInline'),
    commentIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(1000)),
    decision,
    content: v.optional(text),
  }),
  v.object({ type: v.literal('undoInline'), outboxId: id }),
  v.object({ type: v.literal('saveDraftInline'), commentId: id, kind: draftKind, content: text }),
  v.object({ type: v.literal('commenterDetails'), commentId: id }),
  /** the inline toolbar's "History": the queue opens in a tab with that commenter's history */
  v.object({ type: v.literal('openCommenterHistory'), commentId: id }),
  /** block the commenter of a comment on this article (ADR 030); the entry is taken from the cache */
  v.object({ type: v.literal('blockInline'), commentId: id, ...blockWhat }),
  v.object({ type: v.literal('unblockInline'), list: blockList, entry: blockEntry }),
  /** the block form's own file, injected into the sender's tab (it is not part of the inline view) */
  v.object({ type: v.literal('loadBlockPanel') }),
  /** the reactions overview's own file, injected into the sender's tab when first opened */
  v.object({ type: v.literal('loadReactionsPanel') }),
]);

const url = v.pipe(v.string(), v.minLength(1), v.maxLength(2048));
const siteId = v.pipe(v.string(), v.minLength(1), v.maxLength(2048));
const shortText = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

const isoDate = v.pipe(v.string(), v.isoTimestamp());

/** A selection WordPress evaluates for a bulk job (shared/jobs.ts `JobFilter`). */
const jobFilter = v.object({
  status: v.picklist(jobFilterStatuses),
  type: v.optional(v.picklist(jobCommentTypes), 'all'),
  post: v.optional(id),
  search: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
  authorEmail: v.optional(v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(200))),
  after: v.optional(isoDate),
  before: v.optional(isoDate),
});

/** From the extension's own pages (popup, options, the sign-in callback). */
export const pageRequestSchema = v.variant('type', [
  v.object({ type: v.literal('connectWithPassword'), url, username: shortText, password: shortText }),
  v.object({ type: v.literal('connectWithSession'), url }),
  /** which sign-ins can work on a site, before the user picks one */
  v.object({ type: v.literal('checkSite'), url }),
  v.object({ type: v.literal('startAuthorization'), url }),
  v.object({
    type: v.literal('completeAuthorization'),
    state: v.pipe(v.string(), v.regex(/^[0-9a-f]{48}$/)),
    siteUrl: v.optional(url),
    userLogin: v.optional(shortText),
    password: v.optional(shortText),
    rejected: v.optional(v.boolean()),
    /** WordPress refused to show its screen: its error page (`refused`) or its "Go Back" link (`disabled`) */
    error: v.optional(v.picklist(['refused', 'disabled'])),
    wordpressSays: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  v.object({ type: v.literal('disconnectSite'), siteId, discardUnsent: v.optional(v.boolean()) }),
  v.object({ type: v.literal('probeTab'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ type: v.literal('syncNow'), siteId: v.optional(siteId) }),
  v.object({
    type: v.literal('decide'),
    siteId,
    commentIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(10_000)),
    decision,
    content: v.optional(text),
  }),
  v.object({ type: v.literal('undo'), outboxId: id }),
  /** a failed or conflicting decision, sent again (its text, for a reply or an edit, kept in its row) */
  v.object({ type: v.literal('retry'), outboxId: id }),
  /** erase a site's cached comments and posts (never decisions not sent yet, nor drafts) and sync again */
  v.object({ type: v.literal('clearCache'), siteId }),
  /**
   * Search the blog(s) in scope for what the cache does not hold, in one view of the queue; what is
   * found is written into the cache. `post` narrows it to one post (the popup's post filter).
   */
  v.object({
    type: v.literal('searchServer'),
    query: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(200)),
    view: v.picklist(viewNames),
    siteId: v.optional(siteId),
    post: v.optional(v.object({ siteId, id })),
    commentType: v.optional(v.picklist(['all', 'comments', 'pings']), 'all'),
  }),
  /**
   * the popup shows these comments: ask WordPress how many approved comments their authors' addresses
   * have (the first-time signal); the background picks the addresses from its cache, never from here
   */
  v.object({
    type: v.literal('checkCommenterHistory'),
    siteId,
    commentIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(historyBatchSize)),
  }),
  /**
   * a commenter's whole history on the site, read from WordPress; whom it is about is taken from the
   * cached comment (its address for moderators, its name for authors), never from the message
   */
  v.object({ type: v.literal('readCommenterHistory'), siteId, commentId: id }),
  /** approved comments with no reply from their post's author (ADR 028), on one site or all */
  v.object({ type: v.literal('findUnreplied'), siteId: v.optional(siteId) }),
  /** how many comments a filter matches on the server, and the first of them, before a job starts */
  v.object({ type: v.literal('previewJob'), siteId, filter: jobFilter }),
  /**
   * start a bulk job; `expectedTotal` is the count the user saw in the preview (a job never acts on
   * more than `maxJobSize`, nor on comments that arrive after it started)
   */
  v.object({
    type: v.literal('startJob'),
    siteId,
    filter: jobFilter,
    action: v.picklist(jobActions),
    expectedTotal: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(maxJobSize)),
  }),
  v.object({ type: v.literal('controlJob'), jobId: id, command: v.picklist(['pause', 'resume', 'cancel']) }),
  /** reverse a finished or cancelled job: a new job over the comments it changed */
  v.object({ type: v.literal('undoJob'), jobId: id }),
  /** WordPress's comment blocklists, read again through the Bridge (ADR 030) */
  v.object({ type: v.literal('readBlocklist'), siteId }),
  /** add the commenter of a cached comment to a blocklist; undo and the options page remove it */
  v.object({ type: v.literal('blockCommenter'), siteId, commentId: id, ...blockWhat }),
  v.object({ type: v.literal('unblock'), siteId, list: blockList, entry: blockEntry }),
  /** empty content: the draft is deleted */
  v.object({ type: v.literal('saveDraft'), siteId, commentId: id, kind: draftKind, content: text }),
]);

export type ContentRequest = v.InferOutput<typeof contentRequestSchema>;
export type PageRequest = v.InferOutput<typeof pageRequestSchema>;
