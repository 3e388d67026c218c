/**
 * A small typed WordPress REST client: built from `{ root, auth, fetch }`, every call has a timeout
 * and takes an AbortSignal, every answer is validated, every failure is a classified WpError.
 */
import * as v from 'valibot';
import { classifyHttpError, parseRetryAfter, WpError } from './errors.ts';
import {
  type WpComment,
  type WpPostSummary,
  type WpUserMe,
  wpCommentListSchema,
  wpErrorBodySchema,
  wpPostSummaryListSchema,
  wpUserMeSchema,
} from './schemas.ts';
import { type QueryValue, restUrl } from './url.ts';

export type WpAuth =
  | { kind: 'application-password'; username: string; password: string }
  | { kind: 'cookie'; nonce: string }
  | { kind: 'none' };

export interface WpClientOptions {
  root: string;
  auth: WpAuth;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ListCommentsParams {
  status?: 'hold' | 'approve' | 'spam' | 'trash' | 'all' | 'any';
  type?: 'comment' | 'pings' | 'pingback' | 'trackback' | 'all';
  post?: readonly number[];
  include?: readonly number[];
  parent?: readonly number[];
  search?: string;
  after?: string;
  page?: number;
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

export const maxTimeoutMs = 20000;

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function authHeaders(auth: WpAuth): Record<string, string> {
  if (auth.kind === 'application-password') {
    // Application Passwords are shown with spaces; WordPress ignores them, so do we.
    return { Authorization: `Basic ${base64Utf8(`${auth.username}:${auth.password.replace(/\s+/g, '')}`)}` };
  }
  if (auth.kind === 'cookie') return { 'X-WP-Nonce': auth.nonce };
  return {};
}

export function createWpClient(options: WpClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = Math.min(options.timeoutMs ?? maxTimeoutMs, maxTimeoutMs);
  const now = options.now ?? Date.now;

  async function request<S extends v.GenericSchema>(
    schema: S,
    route: string,
    {
      query = {},
      method = 'GET',
      body,
      signal,
    }: { query?: Record<string, QueryValue>; method?: string; body?: unknown; signal?: AbortSignal },
  ): Promise<{ data: v.InferOutput<S>; headers: Headers }> {
    const url = restUrl(options.root, route, query);
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders(options.auth) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: options.auth.kind === 'cookie' ? 'include' : 'omit',
        cache: 'no-store',
        redirect: 'follow',
        signal: combined,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      const timedOut = timeout.aborted;
      throw new WpError(
        'retryable',
        timedOut
          ? `No answer from WordPress within ${timeoutMs / 1000} s.`
          : `Could not reach WordPress (${describe(error)}).`,
        null,
        timedOut ? 'timeout' : 'network',
      );
    }
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const parsed = v.safeParse(wpErrorBodySchema, json);
      const code = parsed.success ? parsed.output.code : null;
      const message = parsed.success ? parsed.output.message : `WordPress answered HTTP ${response.status}.`;
      throw new WpError(
        classifyHttpError(response.status, code),
        message,
        response.status,
        code,
        parseRetryAfter(response.headers.get('Retry-After'), now()),
      );
    }
    if (json === undefined) {
      throw new WpError(
        'invalid-response',
        'WordPress sent an answer that is not JSON (cut off, or not the REST API).',
        response.status,
        'invalid_json',
      );
    }
    const parsed = v.safeParse(schema, json);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue ? v.getDotPath(issue) : null;
      throw new WpError(
        'invalid-response',
        `WordPress sent an unexpected answer${where ? ` (at ${where})` : ''}: ${issue?.message ?? 'invalid'}.`,
        response.status,
        'invalid_response',
      );
    }
    return { data: parsed.output, headers: response.headers };
  }

  function pageOf<T>(items: T[], headers: Headers): Page<T> {
    const total = Number(headers.get('X-WP-Total') ?? items.length);
    const totalPages = Number(headers.get('X-WP-TotalPages') ?? 1);
    return {
      items,
      total: Number.isFinite(total) ? total : items.length,
      totalPages: Number.isFinite(totalPages) ? totalPages : 1,
    };
  }

  return {
    root: options.root,
    /** the timeout every call of this client gets */
    timeoutMs,

    async me(call: CallOptions = {}): Promise<WpUserMe> {
      const { data } = await request(wpUserMeSchema, 'wp/v2/users/me', { query: { context: 'edit' }, ...call });
      return data;
    },

    async listComments(params: ListCommentsParams, call: CallOptions = {}): Promise<Page<WpComment>> {
      const { data, headers } = await request(wpCommentListSchema, 'wp/v2/comments', {
        query: {
          status: params.status,
          type: params.type,
          post: params.post,
          include: params.include,
          parent: params.parent,
          search: params.search,
          after: params.after,
          page: params.page,
          per_page: params.perPage,
          orderby: params.orderby,
          order: params.order,
          context: params.context,
          _fields: params.fields?.join(','),
        },
        ...call,
      });
      return pageOf(data, headers);
    },

    async listPosts(kind: 'posts' | 'pages', ids: readonly number[], call: CallOptions = {}): Promise<WpPostSummary[]> {
      if (ids.length === 0) return [];
      const { data } = await request(wpPostSummaryListSchema, `wp/v2/${kind}`, {
        query: { include: ids, per_page: 100, _fields: 'id,title,link,author', status: undefined },
        ...call,
      });
      return data;
    },
  };
}

export type WpClient = ReturnType<typeof createWpClient>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
