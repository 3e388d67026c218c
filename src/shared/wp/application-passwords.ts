/**
 * What WordPress itself says about Application Passwords for an account, and whether the
 * Authorization header reaches it: the questions a refused password leaves open. Every answer is
 * read from WordPress's own responses (checked on 6.1 and 7.1); anything else is 'unknown'.
 */
import * as v from 'valibot';
import { wpErrorBodySchema } from './schemas.ts';
import { restUrl } from './url.ts';

export type AppPasswordsAvailability =
  | 'available'
  /** `application_passwords_disabled`: off for the whole site */
  | 'site-off'
  /** `application_passwords_disabled_for_user`: the site allows them to some accounts only, not this one */
  | 'account-off'
  | 'unknown';

interface Call {
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

async function ask(
  url: URL,
  init: RequestInit,
  { fetch: doFetch = globalThis.fetch.bind(globalThis), signal }: Call,
): Promise<{ status: number; body: unknown } | null> {
  const timeout = AbortSignal.timeout(15000);
  try {
    const response = await doFetch(url.href, {
      cache: 'no-store',
      ...init,
      headers: { Accept: 'application/json', ...(init.headers as Record<string, string>) },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    // A body that is not JSON is read as no list (availabilityOf).
    return { status: response.status, body: await response.json().catch(() => undefined) };
  } catch {
    // Unreachable or refused: 'unknown', which the callers explain (availabilityOf).
    return null;
  }
}

/** Reads the answer of an application-passwords route: a list, or WordPress's reason why not. */
function availabilityOf(answer: { status: number; body: unknown } | null): AppPasswordsAvailability {
  if (!answer) return 'unknown';
  if (answer.status === 200 && Array.isArray(answer.body)) return 'available';
  const error = v.safeParse(wpErrorBodySchema, answer.body);
  if (!error.success) return 'unknown';
  if (error.output.code === 'application_passwords_disabled') return 'site-off';
  if (error.output.code === 'application_passwords_disabled_for_user') return 'account-off';
  // WordPress checks availability before permission: a refusal to list means they are available.
  if (error.output.code === 'rest_cannot_list_application_passwords') return 'available';
  return 'unknown';
}

/** For the user the browser is logged in as (cookie + `wp_rest` nonce). */
export async function appPasswordsForSessionUser(
  root: string,
  nonce: string,
  call: Call = {},
): Promise<AppPasswordsAvailability> {
  const url = restUrl(root, 'wp/v2/users/me/application-passwords', { _fields: 'uuid' });
  return availabilityOf(await ask(url, { credentials: 'include', headers: { 'X-WP-Nonce': nonce } }, call));
}

/** WordPress's `user_nicename` for a plain login name (`sanitize_title`), or null when it cannot be told. */
export function nicenameOf(login: string): string | null {
  if (login.includes('@')) return null;
  const slug = login
    .trim()
    .toLowerCase()
    .replace(/[\s.]+/g, '-')
    .replace(/[^a-z0-9_-]/g, '');
  return slug === '' ? null : slug;
}

/**
 * Without any sign-in, for the account with this login: the account is found by its public slug
 * (only users with published posts are listed to visitors), then its application-passwords route
 * answers `application_passwords_disabled_for_user` (501) before it checks who asks.
 */
export async function appPasswordsForAccount(
  root: string,
  login: string,
  call: Call = {},
): Promise<AppPasswordsAvailability> {
  const slug = nicenameOf(login);
  if (slug === null) return 'unknown';
  const found = await ask(restUrl(root, 'wp/v2/users', { slug, _fields: 'id,slug' }), { credentials: 'omit' }, call);
  const users = v.safeParse(v.array(v.object({ id: v.number(), slug: v.string() })), found?.body);
  const user = users.success && users.output.length === 1 ? users.output[0] : undefined;
  if (!user || user.slug !== slug) return 'unknown';
  return availabilityOf(
    await ask(
      restUrl(root, `wp/v2/users/${user.id}/application-passwords`, { _fields: 'uuid' }),
      { credentials: 'omit' },
      call,
    ),
  );
}

const siteHealthTestSchema = v.object({ status: v.string() });

/**
 * WordPress's own check whether the Authorization header reaches it (Site Health, "The
 * authorization header is missing"): a request signed in by the session carries `Basic user:pwd`,
 * and WordPress says whether PHP saw exactly that. Only administrators may run it.
 */
export async function authorizationHeaderEcho(
  root: string,
  nonce: string,
  call: Call = {},
): Promise<'arrives' | 'missing' | 'unknown'> {
  const answer = await ask(
    restUrl(root, 'wp-site-health/v1/tests/authorization-header', {}),
    { credentials: 'include', headers: { 'X-WP-Nonce': nonce, Authorization: `Basic ${btoa('user:pwd')}` } },
    call,
  );
  const test = v.safeParse(siteHealthTestSchema, answer?.body);
  if (answer?.status !== 200 || !test.success) return 'unknown';
  return test.output.status === 'good' ? 'arrives' : 'missing';
}
