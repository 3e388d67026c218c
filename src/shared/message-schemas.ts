/**
 * The shapes of messages to the background, as valibot schemas. Only the background imports this
 * (it validates every message it receives); senders use the types in messages.ts.
 */
import * as v from 'valibot';

const postId = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)));

/** From the content script on a page of a connected site. */
export const contentRequestSchema = v.variant('type', [
  v.object({
    type: v.literal('pageDetected'),
    page: v.object({
      isWordPress: v.boolean(),
      restRoot: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
      postId,
    }),
  }),
]);

const url = v.pipe(v.string(), v.minLength(1), v.maxLength(2048));
const siteId = v.pipe(v.string(), v.minLength(1), v.maxLength(2048));
const shortText = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** From the extension's own pages (popup, options, the sign-in callback). */
export const pageRequestSchema = v.variant('type', [
  v.object({ type: v.literal('connectWithPassword'), url, username: shortText, password: shortText }),
  v.object({ type: v.literal('connectWithSession'), url }),
  v.object({ type: v.literal('startAuthorization'), url }),
  v.object({
    type: v.literal('completeAuthorization'),
    state: v.pipe(v.string(), v.regex(/^[0-9a-f]{48}$/)),
    siteUrl: v.optional(url),
    userLogin: v.optional(shortText),
    password: v.optional(shortText),
    rejected: v.optional(v.boolean()),
  }),
  v.object({ type: v.literal('disconnectSite'), siteId, discardUnsent: v.optional(v.boolean()) }),
  v.object({ type: v.literal('probeTab'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ type: v.literal('syncNow'), siteId: v.optional(siteId) }),
  v.object({
    type: v.literal('decide'),
    siteId,
    commentIds: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1), v.maxLength(10_000)),
    decision: v.picklist([
      'approve',
      'unapprove',
      'spam',
      'unspam',
      'trash',
      'untrash',
      'delete',
      'edit',
      'reply',
      'approveAndReply',
    ]),
    content: v.optional(v.pipe(v.string(), v.maxLength(65_525))),
  }),
  v.object({ type: v.literal('undo'), outboxId: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  /** a failed or conflicting decision, sent again (its text, for a reply or an edit, kept in its row) */
  v.object({ type: v.literal('retry'), outboxId: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  /** erase a site's cached comments and posts (never decisions not sent yet, nor drafts) and sync again */
  v.object({ type: v.literal('clearCache'), siteId }),
  v.object({
    type: v.literal('saveDraft'),
    siteId,
    commentId: v.pipe(v.number(), v.integer(), v.minValue(1)),
    kind: v.picklist(['reply', 'edit']),
    /** empty: the draft is deleted */
    content: v.pipe(v.string(), v.maxLength(65_525)),
  }),
]);

export type ContentRequest = v.InferOutput<typeof contentRequestSchema>;
export type PageRequest = v.InferOutput<typeof pageRequestSchema>;
