/**
 * Every way a WordPress call can fail, classified once (style habit 8): what the rest of the app
 * does next depends only on `kind`; WordPress's own `code` and `message` are kept for the user.
 */
import { type FirewallVerdict, firewallVerdict, type HttpAnswer } from './firewall.ts';

export type WpErrorKind =
  /** network, timeout, 408, 429, 5xx: try again later */
  | 'retryable'
  /** the sign-in itself is gone (401, expired nonce): pause the site until the user signs in */
  | 'auth'
  /**
   * a firewall or CDN in front of WordPress answered instead of it (a challenge, a block page):
   * nothing is wrong with the sign-in or the decision; wait, and tell the user what to allow
   */
  | 'blocked'
  /** this one action is not allowed (403): fails alone */
  | 'forbidden'
  /** the request can never succeed as it is (400, 404, 410) */
  | 'terminal'
  /** WordPress did something else than asked (or nothing) */
  | 'conflict'
  /** the answer is not what WordPress's REST API sends: wrong site, broken proxy, truncated body */
  | 'invalid-response';

export class WpError extends Error {
  override readonly name = 'WpError';
  constructor(
    readonly kind: WpErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    readonly retryAfterMs: number | null = null,
    /** kind `blocked`: who answered, and the REST path the user has to let through */
    readonly firewall: (FirewallVerdict & { path: string }) | null = null,
  ) {
    super(message);
  }
}

const authCodes = new Set(['rest_cookie_invalid_nonce', 'rest_not_logged_in']);

export function classifyHttpError(status: number, code: string | null): WpErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return code !== null && authCodes.has(code) ? 'auth' : 'forbidden';
  if (status === 408 || status === 429) return 'retryable';
  if (status === 500 && code === 'rest_comment_failed_edit') return 'conflict';
  if (status === 501) return 'terminal';
  if (status >= 500) return 'retryable';
  return 'terminal';
}

/**
 * A failed answer, classified: WordPress's JSON error code decides; an answer WordPress did not
 * write (no JSON error) may be a firewall's, which is told apart before the status code counts —
 * a Cloudflare challenge is a `403` that means "wait", not "forbidden".
 */
export function classifyAnswer(
  answer: HttpAnswer,
  code: string | null,
): { kind: WpErrorKind; firewall: FirewallVerdict | null } {
  const firewall = code === null ? firewallVerdict(answer) : null;
  if (firewall) return { kind: 'blocked', firewall };
  return { kind: classifyHttpError(answer.status, code), firewall: null };
}

/** `Retry-After` as milliseconds: seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The realm of a web server's own password prompt (HTTP authentication: an `.htpasswd` lock in
 * front of WordPress), or null when the answer is not one. WordPress itself never sends
 * `WWW-Authenticate`.
 */
export function httpAuthRealmOf(response: Pick<Response, 'status' | 'headers'>): string | null {
  const challenge = response.headers.get('WWW-Authenticate');
  if (response.status !== 401 || !challenge || !/^\s*(basic|digest)\b/i.test(challenge)) return null;
  return /realm\s*=\s*"([^"]*)"/i.exec(challenge)?.[1] ?? '';
}
