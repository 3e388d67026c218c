/**
 * One REST request to WordPress: URL, auth headers, timeout + caller's AbortSignal, JSON parsing,
 * schema validation, and every failure turned into a classified WpError. Cookie sign-ins get their
 * nonce refreshed once when WordPress says it expired, and learn the fresh nonce WordPress sends.
 */
import * as v from 'valibot';
import { classifyAnswer, httpAuthRealmOf, parseRetryAfter, WpError } from './errors.ts';
import { firewallMessage, restPath } from './firewall.ts';
import { wpErrorBodySchema } from './schemas.ts';
import { type QueryValue, restUrl } from './url.ts';

export type WpAuth =
  | { kind: 'application-password'; username: string; password: string }
  | { kind: 'cookie'; nonce: string }
  | { kind: 'none' };

export interface TransportOptions {
  root: string;
  auth: WpAuth;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  /** cookie sign-in: get a fresh `wp_rest` nonce (null when the browser session has ended) */
  refreshNonce?: () => Promise<string | null>;
  /** cookie sign-in: WordPress handed out a new nonce */
  onNonce?: (nonce: string) => void;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export interface CallOptions {
  signal?: AbortSignal;
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createTransport(options: TransportOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = Math.min(options.timeoutMs ?? maxTimeoutMs, maxTimeoutMs);
  const now = options.now ?? Date.now;
  let auth = options.auth;

  async function once<S extends v.GenericSchema>(
    schema: S,
    route: string,
    { query = {}, method = 'GET', body, signal }: RequestOptions,
  ): Promise<{ data: v.InferOutput<S>; headers: Headers; status: number }> {
    const url = restUrl(options.root, route, query);
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders(auth) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: auth.kind === 'cookie' ? 'include' : 'omit',
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
    const freshNonce = response.headers.get('X-WP-Nonce');
    if (auth.kind === 'cookie' && freshNonce && freshNonce !== auth.nonce) {
      auth = { kind: 'cookie', nonce: freshNonce };
      options.onNonce?.(freshNonce);
    }
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON (a firewall, a PHP error page): classified below by status and text.
      json = undefined;
    }
    if (!response.ok) {
      if (httpAuthRealmOf(response) !== null) {
        throw new WpError(
          'auth',
          'The web server in front of WordPress asks for its own password (HTTP authentication). Open the site in a tab of this browser and enter it, then try again.',
          response.status,
          'http_auth_required',
        );
      }
      const parsed = v.safeParse(wpErrorBodySchema, json);
      const code = parsed.success ? parsed.output.code : null;
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
      const { kind, firewall } = classifyAnswer(
        { status: response.status, headers: response.headers, body: text },
        code,
      );
      if (firewall) {
        const blockedBy = { ...firewall, path: restPath(options.root) };
        throw new WpError(
          kind,
          firewallMessage(blockedBy),
          response.status,
          `firewall_${firewall.kind}`,
          retryAfterMs,
          blockedBy,
        );
      }
      const message = parsed.success ? parsed.output.message : `WordPress answered HTTP ${response.status}.`;
      throw new WpError(kind, message, response.status, code, retryAfterMs);
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
    return { data: parsed.output, headers: response.headers, status: response.status };
  }

  async function request<S extends v.GenericSchema>(schema: S, route: string, requestOptions: RequestOptions = {}) {
    try {
      return await once(schema, route, requestOptions);
    } catch (error) {
      const expired = error instanceof WpError && error.code === 'rest_cookie_invalid_nonce';
      if (!expired || auth.kind !== 'cookie' || !options.refreshNonce) throw error;
      const nonce = await options.refreshNonce();
      if (nonce === null) {
        throw new WpError('auth', 'Your WordPress session has ended. Please log in again.', 403, 'session_ended');
      }
      auth = { kind: 'cookie', nonce };
      options.onNonce?.(nonce);
      return once(schema, route, requestOptions);
    }
  }

  return {
    root: options.root,
    timeoutMs,
    request,
    get auth() {
      return auth;
    },
  };
}

export type Transport = ReturnType<typeof createTransport>;
