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

/** From the extension's own pages (popup, options). */
export const pageRequestSchema = v.variant('type', [
  v.object({
    type: v.literal('connectSite'),
    url: v.pipe(v.string(), v.maxLength(2048)),
    username: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    password: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  }),
  v.object({ type: v.literal('syncNow'), siteId: v.optional(v.string()) }),
]);

export type ContentRequest = v.InferOutput<typeof contentRequestSchema>;
export type PageRequest = v.InferOutput<typeof pageRequestSchema>;
