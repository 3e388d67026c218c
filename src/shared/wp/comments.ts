/**
 * Comment operations. WordPress quirks handled here, once:
 * - a status change answers 200 even when nothing changed (same status, unknown value): the
 *   returned status is compared with the intended one, and a mismatch re-read and decided;
 * - every update overwrites the commenter's IP and user agent with the moderator's own unless they
 *   are sent along: `preserve` sends the cached originals back (moderators only may);
 * - a reply's parent may belong to another post and WordPress accepts it: checked here;
 * - "approve and reply" is two requests over REST.
 */
import { WpError } from './errors.ts';
import {
  type WpComment,
  wpCommentListSchema,
  wpCommentSchema,
  wpDeletedCommentSchema,
  wpIdListSchema,
} from './schemas.ts';
import type { CallOptions, Transport } from './transport.ts';

export type StatusTarget = 'approved' | 'hold' | 'spam' | 'unspam' | 'trash' | 'untrash';
export type CountedStatus = 'hold' | 'approve' | 'spam' | 'trash';

/**
 * The commenter's own IP and user agent, sent back with every update so WordPress does not replace
 * them with the moderator's. WordPress takes the IP from moderators only; the user agent from anyone
 * who may edit the comment — but authors never see it (no `context=edit`), so they lose both.
 */
export interface CommenterMetadata {
  ip: string | null;
  userAgent: string | null;
}

/** What a user in the given mode may send back of the cached commenter data. */
export function preservable(
  mode: 'moderator' | 'author',
  cached: { authorIp: string | null; authorUserAgent: string | null },
): CommenterMetadata {
  return { ip: mode === 'moderator' ? cached.authorIp : null, userAgent: cached.authorUserAgent };
}

export interface ListCommentsParams {
  status?: 'hold' | 'approve' | 'spam' | 'trash' | 'all' | 'any';
  type?: 'comment' | 'pings' | 'pingback' | 'trackback' | 'all';
  post?: readonly number[];
  include?: readonly number[];
  parent?: readonly number[];
  search?: string;
  /** comments with this author email only (refused without `edit_posts`; compared as the database compares) */
  authorEmail?: string;
  after?: string;
  page?: number;
  /** where the page starts in the whole list (WordPress then ignores `page`) */
  offset?: number;
  perPage?: number;
  orderby?: 'date_gmt' | 'id' | 'include' | 'post' | 'parent' | 'type';
  order?: 'asc' | 'desc';
  context?: 'view' | 'edit';
  fields?: readonly string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  totalPages: number;
}

export type StatusOutcome = { outcome: 'done'; comment: WpComment } | { outcome: 'already'; comment: WpComment | null };

/** Whether a comment in `status` is where `target` leads (not spam / not trash restore whatever it was before). */
export function reached(target: StatusTarget, status: string): boolean {
  if (target === 'unspam') return status !== 'spam';
  if (target === 'untrash') return status !== 'trash';
  return status === target;
}

/** The commenter's IP and user agent as update fields (WordPress would otherwise write the moderator's). */
export function metadataFields(preserve: CommenterMetadata | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (preserve?.ip) fields.author_ip = preserve.ip;
  if (preserve?.userAgent) fields.author_user_agent = preserve.userAgent;
  return fields;
}

/** A list answer with WordPress's X-WP-Total and X-WP-TotalPages (what was sent where a header is missing or odd). */
export function pageOf<T>(items: T[], headers: Headers): Page<T> {
  const total = Number(headers.get('X-WP-Total') ?? items.length);
  const totalPages = Number(headers.get('X-WP-TotalPages') ?? 1);
  return {
    items,
    total: Number.isFinite(total) ? total : items.length,
    totalPages: Number.isFinite(totalPages) ? totalPages : 1,
  };
}

/**
 * What a comment list asks WordPress for: the fields the app reads, no `_links` and no avatars.
 * WordPress then skips preparing what nobody reads — on 7.1 with 10,000 pending a page of 100
 * takes ~40 ms instead of ~110 ms (see the closing note of issue 11).
 */
export const commentFields: readonly string[] = Object.keys(wpCommentSchema.entries);

/**
 * The same for one comment (a read, or the answer to a change): without `_fields` WordPress also
 * works out the avatar URLs and the links, which count the comment's replies with a query of
 * their own — on 7.1 most of what a status change costs besides the change itself.
 */
const oneComment = { _fields: commentFields.join(',') };

export function commentOperations(transport: Transport) {
  const { request } = transport;

  async function listComments(params: ListCommentsParams, call: CallOptions = {}): Promise<Page<WpComment>> {
    const { data, headers } = await request(wpCommentListSchema, 'wp/v2/comments', {
      query: {
        status: params.status,
        type: params.type,
        post: params.post,
        include: params.include,
        parent: params.parent,
        search: params.search,
        author_email: params.authorEmail,
        after: params.after,
        page: params.page,
        offset: params.offset,
        per_page: params.perPage,
        orderby: params.orderby,
        order: params.order,
        context: params.context,
        _fields: (params.fields ?? commentFields).join(','),
      },
      ...call,
    });
    return pageOf(data, headers);
  }

  async function getComment(id: number, context: 'view' | 'edit' = 'view', call: CallOptions = {}): Promise<WpComment> {
    const { data } = await request(wpCommentSchema, `wp/v2/comments/${id}`, {
      query: { context, ...oneComment },
      ...call,
    });
    return data;
  }

  return {
    listComments,
    getComment,

    /** Only the ids of a list (`_fields=id`): cheap probes and counts. */
    async listCommentIds(params: ListCommentsParams, call: CallOptions = {}): Promise<Page<number>> {
      const { data, headers } = await request(wpIdListSchema, 'wp/v2/comments', {
        query: {
          status: params.status,
          type: params.type,
          post: params.post,
          include: params.include,
          search: params.search,
          author_email: params.authorEmail,
          page: params.page,
          offset: params.offset,
          per_page: params.perPage,
          orderby: params.orderby,
          order: params.order,
          _fields: 'id',
        },
        ...call,
      });
      return pageOf(
        data.map((item) => item.id),
        headers,
      );
    },

    /**
     * How many comments of every type each status has (one cheap request per count). `type=all`
     * also counts editor notes (WordPress 6.9+: type `note`, always approved or in the trash), which
     * are not comments: their own counts are taken away. Before 6.9 `type=note` simply counts 0.
     */
    async countByStatus(
      filter: { post?: readonly number[] } = {},
      call: CallOptions = {},
    ): Promise<Record<CountedStatus, number>> {
      const count = async (status: CountedStatus, type: 'all' | 'note') => {
        const { headers } = await request(wpIdListSchema, 'wp/v2/comments', {
          query: { status, type, per_page: 1, post: filter.post, _fields: 'id' },
          ...call,
        });
        return Number(headers.get('X-WP-Total') ?? 0);
      };
      const [hold, approve, spam, trash, approvedNotes, trashedNotes] = await Promise.all([
        count('hold', 'all'),
        count('approve', 'all'),
        count('spam', 'all'),
        count('trash', 'all'),
        count('approve', 'note'),
        count('trash', 'note'),
      ]);
      return { hold, approve: Math.max(0, approve - approvedNotes), spam, trash: Math.max(0, trash - trashedNotes) };
    },

    /**
     * Approve, unapprove, spam, not spam, restore (and trash by status). Answers `done` when the
     * comment is where it was asked to be; a comment WordPress left elsewhere is a conflict.
     */
    async setStatus(
      id: number,
      target: StatusTarget,
      preserve?: CommenterMetadata,
      call: CallOptions = {},
    ): Promise<StatusOutcome> {
      const { data } = await request(wpCommentSchema, `wp/v2/comments/${id}`, {
        method: 'POST',
        body: { status: target, ...metadataFields(preserve) },
        query: oneComment,
        ...call,
      });
      if (reached(target, data.status)) return { outcome: 'done', comment: data };
      // 200 with the status unchanged: re-read, in case someone else moved it meanwhile.
      const current = await getComment(id, 'view', call);
      if (reached(target, current.status)) return { outcome: 'done', comment: current };
      throw new WpError(
        'conflict',
        `WordPress kept this comment as "${current.status}" instead of "${target}".`,
        200,
        'status_unchanged',
      );
    },

    /** Moves to Trash; a comment already there counts as done. */
    async trash(id: number, call: CallOptions = {}): Promise<StatusOutcome> {
      try {
        const { data } = await request(wpCommentSchema, `wp/v2/comments/${id}`, {
          method: 'DELETE',
          query: oneComment,
          ...call,
        });
        return { outcome: 'done', comment: data };
      } catch (error) {
        if (error instanceof WpError && error.code === 'rest_already_trashed')
          return { outcome: 'already', comment: null };
        throw error;
      }
    },

    async deletePermanently(id: number, call: CallOptions = {}): Promise<WpComment> {
      const { data } = await request(wpDeletedCommentSchema, `wp/v2/comments/${id}`, {
        method: 'DELETE',
        query: { force: true },
        ...call,
      });
      return data.previous;
    },

    async editContent(id: number, content: string, preserve?: CommenterMetadata, call: CallOptions = {}) {
      const { data } = await request(wpCommentSchema, `wp/v2/comments/${id}`, {
        method: 'POST',
        body: { content, ...metadataFields(preserve) },
        query: { context: preserve ? 'edit' : undefined, ...oneComment },
        ...call,
      });
      return data;
    },

    /** Replies to a comment (parent 0: a new top-level comment). */
    async reply(
      { post, parent, content }: { post: number; parent: number; content: string },
      call: CallOptions = {},
    ): Promise<WpComment> {
      if (parent !== 0) {
        const parentComment = await getComment(parent, 'view', call);
        if (parentComment.post !== post) {
          throw new WpError(
            'terminal',
            `Comment ${parent} belongs to another post (${parentComment.post}), not to post ${post}.`,
            null,
            'parent_post_mismatch',
          );
        }
      }
      const { data } = await request(wpCommentSchema, 'wp/v2/comments', {
        method: 'POST',
        body: { post, parent, content },
        query: oneComment,
        ...call,
      });
      return data;
    },
  };
}

export type CommentOperations = ReturnType<typeof commentOperations>;
