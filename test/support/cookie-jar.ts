/**
 * A browser's cookie jar for Node's fetch, as far as WordPress's sign-in needs it: cookies are kept
 * per name and path and sent only to URLs under their path — so a WordPress whose cookie paths
 * differ (its own directory: the auth cookie on /wp/wp-admin, the logged-in cookie on /) is
 * tested as a browser would see it. Redirects are followed as a browser does (cookies set on the
 * way kept), unless `redirect: 'manual'` asks to read them.
 */
interface Cookie {
  name: string;
  value: string;
  path: string;
}

export interface CookieJar {
  fetch: typeof fetch;
  /** the cookies this URL is sent, "name=value; …" */
  header(url: string): string;
  cookies(): readonly Cookie[];
}

export function cookieJar(): CookieJar {
  const jar = new Map<string, Cookie>();
  const header = (url: string) => {
    const path = new URL(url).pathname;
    return [...jar.values()]
      .filter(
        (cookie) =>
          path === cookie.path || path.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  };
  const doFetch: typeof fetch = async (input, init) => {
    let url = String(input instanceof Request ? input.url : input);
    let request = init;
    for (let hop = 0; ; hop += 1) {
      const response = await once(url, request);
      const location = response.headers.get('Location');
      if (init?.redirect === 'manual' || !location || response.status < 300 || response.status > 399 || hop > 10) {
        return response;
      }
      url = new URL(location, url).href;
      request = { ...init, method: 'GET', body: undefined };
    }
  };
  const once = async (url: string, init: RequestInit | undefined) => {
    const headers = new Headers(init?.headers);
    const cookies = header(url);
    if (cookies && init?.credentials !== 'omit') headers.set('Cookie', cookies);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      const path = attributes.find((attribute) => /^path=/i.test(attribute))?.slice(5) || '/';
      const expired = attributes.some(
        (attribute) => /^expires=/i.test(attribute) && Date.parse(attribute.slice(8)) < Date.now(),
      );
      if (expired || value === '' || value === 'deleted') jar.delete(`${name} ${path}`);
      else jar.set(`${name} ${path}`, { name, value, path });
    }
    return response;
  };
  return { fetch: doFetch, header, cookies: () => [...jar.values()] };
}

/** Logs in through WordPress's own login form (under siteurl) into the jar. */
export async function logInto(jar: CookieJar, siteUrl: string, login: string, password: string): Promise<Response> {
  await jar.fetch(`${siteUrl}/wp-login.php`);
  return jar.fetch(`${siteUrl}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
    },
    body: new URLSearchParams({ log: login, pwd: password, 'wp-submit': 'Log In', testcookie: '1' }),
  });
}
