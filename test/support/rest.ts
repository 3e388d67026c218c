/** Plain REST calls to the test WordPress, independent of the extension's client: the tests' oracle. */
import type { DemoSiteUser, SiteInfo } from '../../scripts/wp/index.ts';

export function user(info: SiteInfo, key: DemoSiteUser['key']): DemoSiteUser {
  const found = info.users.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no demo user ${key}`);
  return found;
}

export function postId(info: SiteInfo, key: string): number {
  const found = info.posts.find((post) => post.key === key);
  if (!found) throw new Error(`no demo post ${key}`);
  return found.id;
}

export function basicAuth(account: DemoSiteUser): string {
  return `Basic ${Buffer.from(`${account.login}:${account.applicationPassword}`).toString('base64')}`;
}

/** X-WP-Total of a comments query, read as the given user. */
export async function commentTotal(
  info: SiteInfo,
  account: DemoSiteUser,
  query: Record<string, string>,
): Promise<number> {
  const params = new URLSearchParams({ per_page: '1', ...query });
  const response = await fetch(`${info.url}/wp-json/wp/v2/comments?${params}`, {
    headers: { Authorization: basicAuth(account) },
  });
  if (!response.ok) throw new Error(`comments query failed: HTTP ${response.status} ${await response.text()}`);
  return Number(response.headers.get('X-WP-Total'));
}
