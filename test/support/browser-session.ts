/**
 * What a browser holds for a site, from Node: the cookies of a WordPress login, and a password of
 * the web server it was given in a tab. Like the browser, the fetch sends them only with requests
 * that include credentials (`credentials: 'include'`), never with `'omit'`.
 */
import { expect } from 'vitest';

export function basicHeader(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}

/** Logs in through wp-login.php and returns the cookies WordPress set. */
export async function logIn(
  url: string,
  login: string,
  password: string,
  { httpAuth }: { httpAuth?: string } = {},
): Promise<string> {
  const response = await fetch(`${url}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
      ...(httpAuth ? { Authorization: httpAuth } : {}),
    },
    body: new URLSearchParams({ log: login, pwd: password, 'wp-submit': 'Log In', testcookie: '1' }),
  });
  expect(response.status).toBe(302);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((cookie) => !/=deleted$/.test(cookie) && !cookie.endsWith('='))
    .join('; ');
}

/** A fetch that carries the cookies (always: Node has no cookie jar; the browser does this itself). */
export const withCookies =
  (cookies: string): typeof fetch =>
  (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Cookie', cookies);
    return fetch(input, { ...init, headers });
  };

/**
 * The browser's fetch for one site: cookies, and a web-server password it holds, go with requests
 * that include credentials; a request's own Authorization header is never replaced.
 */
export function browserFetch({ cookies, httpAuth }: { cookies?: string; httpAuth?: string }): typeof fetch {
  return (input, init) => {
    if (init?.credentials !== 'include') return fetch(input, init);
    const headers = new Headers(init.headers);
    if (cookies) headers.set('Cookie', cookies);
    if (httpAuth && !headers.has('Authorization')) headers.set('Authorization', httpAuth);
    return fetch(input, { ...init, headers });
  };
}
