/**
 * The REST requests a bulk job makes without the Freigabe Bridge (issue 12): selection pages in id
 * order, and one status change per comment — each with `_fields` trimmed to what the job reads, so
 * WordPress prepares (and sends) a few bytes instead of a whole comment with its avatars and links.
 * The quirks of comments.ts hold here too: a status change answers 200 when nothing changed (the
 * returned status is compared), and every update sends the commenter's IP and user agent back.
 */
import * as v from 'valibot';
import type { JobAction } from '../jobs.ts';
import {
  type CommenterMetadata,
  commentFields,
  metadataFields,
  pageOf,
  reached,
  type StatusTarget,
} from './comments.ts';
import { WpError } from './errors.ts';
import { type WpComment, wpCommentListSchema } from './schemas.ts';
import type { CallOptions, Transport } from './transport.ts';

const id = v.pipe(v.number(), v.integer());

/** One comment as a selection page lists it (author_ip and user agent with context=edit only). */
export const selectedCommentSchema = v.object({
  id,
  status: v.string(),
  type: v.optional(v.string()),
  author_ip: v.optional(v.string()),
  author_user_agent: v.optional(v.string()),
});
export type SelectedComment = v.InferOutput<typeof selectedCommentSchema>;

const selectionPageSchema = v.array(selectedCommentSchema);
const briefSchema = v.object({ id, status: v.string() });
const deletedSchema = v.object({ deleted: v.literal(true) });

export interface SelectionQuery {
  /** REST comment-list parameters of the filter (bridge.ts `filterQuery`), one `type` at a time */
  query: Record<string, string | number | readonly number[] | undefined>;
  context: 'view' | 'edit';
}

/** The status a comment has after the action ('deleted' once deleted permanently). */
export type StatusAfter = string;

/** The status each action asks WordPress for (trash and delete go by DELETE). */
const postStatus: Record<Exclude<JobAction, 'trash' | 'delete'>, StatusTarget> = {
  approve: 'approved',
  unapprove: 'hold',
  spam: 'spam',
  unspam: 'unspam',
  untrash: 'untrash',
};

/** Whether WordPress did what the action asked (unspam/untrash restore whatever it was before). */
export function reachedBy(action: JobAction, status: string): boolean {
  if (action === 'delete') return status === 'deleted';
  return reached(action === 'trash' ? 'trash' : postStatus[action], status);
}

const selectionFields = (context: 'view' | 'edit') =>
  context === 'edit' ? 'id,status,type,author_ip,author_user_agent' : 'id,status,type';

export function jobRequests(transport: Transport) {
  const { request } = transport;
  return {
    /** A page of the selection in ascending id order, from `offset`; `total` is X-WP-Total. */
    async selectionPage(
      selection: SelectionQuery,
      offset: number,
      perPage: number,
      call: CallOptions = {},
    ): Promise<{ items: SelectedComment[]; total: number }> {
      const { data, headers } = await request(selectionPageSchema, 'wp/v2/comments', {
        query: {
          ...selection.query,
          orderby: 'id',
          order: 'asc',
          offset,
          per_page: perPage,
          context: selection.context,
          _fields: selectionFields(selection.context),
        },
        ...call,
      });
      const { items, total } = pageOf(data, headers);
      return { items, total };
    },

    /** The newest comments of a selection, whole (a preview), and its count (X-WP-Total). */
    async newest(
      selection: SelectionQuery,
      perPage: number,
      call: CallOptions = {},
    ): Promise<{ items: WpComment[]; total: number }> {
      const { data, headers } = await request(wpCommentListSchema, 'wp/v2/comments', {
        query: {
          ...selection.query,
          orderby: 'date_gmt',
          order: 'desc',
          per_page: perPage,
          context: selection.context,
          _fields: commentFields.join(','),
        },
        ...call,
      });
      const { items, total } = pageOf(data, headers);
      return { items, total };
    },

    /** The count (X-WP-Total) and the highest id of a selection: what a job sets out to change. */
    async extent(selection: SelectionQuery, call: CallOptions = {}): Promise<{ total: number; maxId: number }> {
      const { data, headers } = await request(v.array(v.object({ id })), 'wp/v2/comments', {
        query: { ...selection.query, orderby: 'id', order: 'desc', per_page: 1, _fields: 'id' },
        ...call,
      });
      return { total: pageOf(data, headers).total, maxId: data[0]?.id ?? 0 };
    },

    /** The current status of these comments (at most 100), whatever their status and type. */
    async statusesOf(
      ids: readonly number[],
      context: 'view' | 'edit',
      call: CallOptions = {},
    ): Promise<SelectedComment[]> {
      if (ids.length === 0) return [];
      const { data } = await request(selectionPageSchema, 'wp/v2/comments', {
        query: {
          include: ids,
          // An author may not list spam or trash: `all` (pending and approved) is what they can see.
          status: context === 'edit' ? 'any' : 'all',
          type: 'all',
          per_page: 100,
          context,
          _fields: selectionFields(context),
        },
        ...call,
      });
      return data;
    },

    /**
     * One comment's action: the status WordPress answered with. Trash goes by DELETE (which keeps the
     * commenter's IP and user agent without sending them); a comment already in the trash answers
     * `trash`; delete answers `deleted`.
     */
    async act(
      commentId: number,
      action: JobAction,
      preserve: CommenterMetadata | undefined,
      call: CallOptions = {},
    ): Promise<StatusAfter> {
      const route = `wp/v2/comments/${commentId}`;
      if (action === 'delete') {
        await request(deletedSchema, route, { method: 'DELETE', query: { force: true, _fields: 'deleted' }, ...call });
        return 'deleted';
      }
      if (action === 'trash') {
        try {
          const { data } = await request(briefSchema, route, {
            method: 'DELETE',
            query: { _fields: 'id,status' },
            ...call,
          });
          return data.status;
        } catch (error) {
          if (error instanceof WpError && error.code === 'rest_already_trashed') return 'trash';
          throw error;
        }
      }
      const { data } = await request(briefSchema, route, {
        method: 'POST',
        query: { _fields: 'id,status' },
        body: { status: postStatus[action], ...metadataFields(preserve) },
        ...call,
      });
      return data.status;
    },
  };
}

export type JobRequests = ReturnType<typeof jobRequests>;
