/**
 * Plain REST calls to a test WordPress as one of its demo users (an Application Password over Basic
 * auth), independent of the extension's client: what tests and benches arrange and check with.
 */
import { withDeadline } from '../deadline.ts';
import type { DemoSiteUser, SiteInfo } from './index.ts';

/** A demo user of the site by its key (`admin`, `editor`, `author`). */
export function demoUser(info: Pick<SiteInfo, 'users'>, key: DemoSiteUser['key']): DemoSiteUser {
  const found = info.users.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no demo user ${key}`);
  return found;
}

export function basicAuth(account: Pick<DemoSiteUser, 'login' | 'applicationPassword'>): string {
  return `Basic ${Buffer.from(`${account.login}:${account.applicationPassword}`).toString('base64')}`;
}

/**
 * One request to `route` below the REST root (`root`: `https://blog.example/wp-json/` or a moved
 * root ending in `/`), as `account`; a `body` is sent as JSON. The answer as it came, whatever its status.
 */
export function restRequest(
  root: string,
  account: Pick<DemoSiteUser, 'login' | 'applicationPassword'>,
  route: string,
  { method = 'GET', body }: { method?: string; body?: unknown } = {},
): Promise<Response> {
  return withDeadline(
    `${method} ${route}`,
    60_000,
    fetch(`${root}${route}`, {
      method,
      headers: {
        Authorization: basicAuth(account),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** The REST root of a site at its pretty-permalink place. */
export const restRoot = (info: Pick<SiteInfo, 'url'>) => `${info.url}/wp-json/`;

/** `restRequest` that expects success and reads the JSON answer (throws with WordPress's answer otherwise). */
export function restClient(root: string, account: Pick<DemoSiteUser, 'login' | 'applicationPassword'>) {
  return async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await restRequest(root, account, route, { method, body });
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
