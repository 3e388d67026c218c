/**
 * The Freigabe Bridge's REST routes (the optional companion plugin in `wordpress-plugin/`, issue 12):
 * the wire format, validated like every other answer. Without the Bridge nothing here is called.
 *
 * - The REST index (`GET /wp-json/`) lists the namespace `freigabe/v1` and carries
 *   `freigabe_bridge: { version, max_ids, actions }`.
 * - `POST freigabe/v1/comments/bulk` `{ action, ids: [1 … max_ids], expect?: { [id]: status } }`
 *   → an outcome per id, in the order asked. `expect` makes it compare-and-set: an id whose status
 *   is no longer the expected one is left alone and answered as a `conflict`.
 * - `GET freigabe/v1/comments/ids` with the same filter as REST's comment list (status, type,
 *   post, search, author_email, after, before) and a keyset (`after_id`, ids ascending, at most
 *   `per_page` ≤ 5,000) → `{ ids, total, next_after_id }`. Editor notes are never listed.
 */
import * as v from 'valibot';
import type { JobAction, JobFilter } from '../jobs.ts';
import type { WpIndex } from './schemas.ts';
import type { CallOptions, Transport } from './transport.ts';

export const bridgeNamespace = 'freigabe/v1';

const statusSchema = v.picklist(['hold', 'approved', 'spam', 'trash', 'deleted']);

export const bridgeInfoSchema = v.object({
  version: v.pipe(v.string(), v.maxLength(20)),
  max_ids: v.pipe(v.number(), v.integer(), v.minValue(1)),
  actions: v.array(v.string()),
  /** since 1.1.0: the blocklist route (see blocklist.ts) */
  blocklist: v.optional(v.boolean(), false),
});

/** What the Bridge says of itself in the REST index. */
export interface BridgeInfo {
  version: string;
  maxIds: number;
  actions: string[];
  /** whether the Bridge has the blocklist route (1.1.0 and later) */
  blocklist?: boolean;
}

/** The part of the REST index that says whether the Bridge is there (`_fields=namespaces,freigabe_bridge`). */
export const bridgeIndexSchema = v.object({
  namespaces: v.array(v.string()),
  freigabe_bridge: v.optional(v.unknown()),
});

/** The Bridge a site's REST index announces; null: none (or one we cannot read: then REST alone). */
export function bridgeOf(index: Pick<WpIndex, 'namespaces'> & { freigabe_bridge?: unknown }): BridgeInfo | null {
  if (!index.namespaces.includes(bridgeNamespace)) return null;
  const parsed = v.safeParse(bridgeInfoSchema, index.freigabe_bridge);
  if (!parsed.success) return null;
  return {
    version: parsed.output.version,
    maxIds: parsed.output.max_ids,
    actions: parsed.output.actions,
    ...(parsed.output.blocklist ? { blocklist: true } : {}),
  };
}

export const bulkOutcomeSchema = v.object({
  id: v.pipe(v.number(), v.integer()),
  outcome: v.picklist(['done', 'conflict', 'failed']),
  /** the status before (null: no such comment) */
  before: v.nullable(statusSchema),
  /** the status after ('deleted' once deleted permanently; null: no such comment) */
  after: v.nullable(statusSchema),
  /** WordPress's error code and message, for `failed` (and why, for `conflict`) */
  code: v.optional(v.string()),
  message: v.optional(v.string()),
});
export type BulkOutcome = v.InferOutput<typeof bulkOutcomeSchema>;

export const bulkAnswerSchema = v.object({ results: v.array(bulkOutcomeSchema) });

export const idPageSchema = v.object({
  ids: v.array(v.pipe(v.number(), v.integer())),
  /** null when not asked for (`count=false`, Bridge 1.1.1+; an older one counts anyway) */
  total: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  next_after_id: v.nullable(v.pipe(v.number(), v.integer())),
});

/**
 * The query of a job's filter, in REST's comment-list parameters (the Bridge takes the same). Careful
 * with REST itself: its `type=all` also matches editor notes (WordPress 6.9+), so a REST selection
 * of every type is read as `comment` and `pings` apart; the Bridge's `all` never lists notes.
 */
export function filterQuery(filter: JobFilter): Record<string, string | number | undefined> {
  return {
    status: filter.status === 'approved' ? 'approve' : filter.status,
    type: filter.type === 'comments' ? 'comment' : filter.type,
    post: filter.post,
    search: filter.search,
    author_email: filter.authorEmail,
    after: filter.after,
    before: filter.before,
  };
}

export function bridgeOperations(transport: Transport) {
  return {
    /** One request for up to `maxIds` comments; an outcome per id. */
    async bulk(
      action: JobAction,
      ids: readonly number[],
      expect: Readonly<Record<number, string>> | null,
      call: CallOptions = {},
    ): Promise<BulkOutcome[]> {
      const { data } = await transport.request(bulkAnswerSchema, `${bridgeNamespace}/comments/bulk`, {
        method: 'POST',
        body: { action, ids, ...(expect ? { expect } : {}) },
        ...call,
      });
      return data.results;
    },

    /**
     * The ids matching a filter, ascending, after `afterId`; with `count`, `total` counts them all
     * (a COUNT over the whole filter on the server: ask once, not with every page).
     */
    async listIds(
      filter: JobFilter,
      afterId: number,
      perPage: number,
      { count = true, ...call }: CallOptions & { count?: boolean } = {},
    ): Promise<{ ids: number[]; total: number | null; nextAfterId: number | null }> {
      const { data } = await transport.request(idPageSchema, `${bridgeNamespace}/comments/ids`, {
        query: { ...filterQuery(filter), after_id: afterId, per_page: perPage, ...(count ? {} : { count: 'false' }) },
        ...call,
      });
      return { ids: data.ids, total: data.total, nextAfterId: data.next_after_id };
    },
  };
}
