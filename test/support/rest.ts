/** Plain REST calls to the test WordPress, independent of the extension's client: the tests' oracle. */
import type { DemoSiteUser, SiteInfo } from '../../scripts/wp/index.ts';
import { demoUser, restRequest, restRoot } from '../../scripts/wp/rest.ts';

export { basicAuth, restClient, restRequest, restRoot } from '../../scripts/wp/rest.ts';

export const user: (info: SiteInfo, key: DemoSiteUser['key']) => DemoSiteUser = demoUser;

export function postId(info: SiteInfo, key: string): number {
  const found = info.posts.find((post) => post.key === key);
  if (!found) throw new Error(`no demo post ${key}`);
  return found.id;
}

/** X-WP-Total of a comments query, read as the given user. */
export async function commentTotal(
  info: SiteInfo,
  account: DemoSiteUser,
  query: Record<string, string>,
): Promise<number> {
  const params = new URLSearchParams({ per_page: '1', ...query });
  const response = await restRequest(restRoot(info), account, `wp/v2/comments?${params}`);
  if (!response.ok) throw new Error(`comments query failed: HTTP ${response.status} ${await response.text()}`);
  return Number(response.headers.get('X-WP-Total'));
}
