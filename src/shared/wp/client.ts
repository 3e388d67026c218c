/**
 * A small typed WordPress REST client: built from `{ root, auth, fetch }`, every call has a timeout
 * (at most 20 s) and takes an AbortSignal, every answer is validated, every failure is a classified
 * WpError (see errors.ts).
 */
import { blocklistOperations } from './blocklist.ts';
import { type BridgeInfo, bridgeIndexSchema, bridgeOf, bridgeOperations } from './bridge.ts';
import { type CommenterMetadata, commentOperations } from './comments.ts';
import { jobRequests } from './job-requests.ts';
import {
  type WpPostSummary,
  type WpUserMe,
  wpIdListSchema,
  wpPostSummaryListSchema,
  wpUserMeSchema,
  wpUserNameListSchema,
} from './schemas.ts';
import { type CallOptions, createTransport, type TransportOptions } from './transport.ts';

export type { CommenterMetadata, ListCommentsParams, Page, StatusOutcome, StatusTarget } from './comments.ts';
export type { CallOptions, WpAuth } from './transport.ts';
export { authHeaders, maxTimeoutMs } from './transport.ts';

export type WpClientOptions = TransportOptions;

export function createWpClient(options: WpClientOptions) {
  const transport = createTransport(options);
  const comments = commentOperations(transport);

  return {
    root: options.root,
    /** the timeout every call of this client gets */
    timeoutMs: transport.timeoutMs,
    /** the current auth (a cookie sign-in's nonce changes as WordPress refreshes it) */
    get auth() {
      return transport.auth;
    },
    ...comments,
    /** the Freigabe Bridge's routes (only for a site whose index announces it: see bridge.ts) */
    bridge: bridgeOperations(transport),
    /** the Bridge's blocklist route (1.1.0+, administrators: see blocklist.ts) */
    blocklist: blocklistOperations(transport),
    /** a bulk job's REST requests: selection pages and trimmed single changes (job-requests.ts) */
    jobs: jobRequests(transport),

    /** The Freigabe Bridge the site announces now (the REST index, trimmed to two fields); null: none. */
    async bridgeInfo(call: CallOptions = {}): Promise<BridgeInfo | null> {
      const { data } = await transport.request(bridgeIndexSchema, '', {
        query: { _fields: 'namespaces,freigabe_bridge' },
        ...call,
      });
      return bridgeOf(data);
    },

    async me(call: CallOptions = {}): Promise<WpUserMe> {
      const { data } = await transport.request(wpUserMeSchema, 'wp/v2/users/me', {
        query: { context: 'edit' },
        ...call,
      });
      return data;
    },

    async listPosts(kind: 'posts' | 'pages', ids: readonly number[], call: CallOptions = {}): Promise<WpPostSummary[]> {
      if (ids.length === 0) return [];
      const { data } = await transport.request(wpPostSummaryListSchema, `wp/v2/${kind}`, {
        query: { include: ids, per_page: 100, _fields: 'id,title,link,author' },
        ...call,
      });
      return data;
    },

    /** The ids of a user's newest published posts (at most 100): the posts "Mine" is about. */
    async listPostIdsOf(author: number, call: CallOptions = {}): Promise<number[]> {
      const { data } = await transport.request(wpIdListSchema, 'wp/v2/posts', {
        query: { author, per_page: 100, orderby: 'date', order: 'desc', _fields: 'id' },
        ...call,
      });
      return data.map((post) => post.id);
    },

    /** The names of these users (at most 100; WordPress lists publicly only users with published posts). */
    async listUserNames(ids: readonly number[], call: CallOptions = {}): Promise<{ id: number; name: string }[]> {
      if (ids.length === 0) return [];
      const { data } = await transport.request(wpUserNameListSchema, 'wp/v2/users', {
        query: { include: ids.slice(0, 100), per_page: 100, _fields: 'id,name' },
        ...call,
      });
      return data;
    },

    /** wp-admin's "Approve and Reply": REST does not approve the parent by itself, so both are sent. */
    async approveAndReply(
      parent: { id: number; post: number; preserve?: CommenterMetadata },
      content: string,
      call: CallOptions = {},
    ) {
      const approved = await comments.setStatus(parent.id, 'approved', parent.preserve, call);
      const reply = await comments.reply({ post: parent.post, parent: parent.id, content }, call);
      return { approved, reply };
    },
  };
}

export type WpClient = ReturnType<typeof createWpClient>;
