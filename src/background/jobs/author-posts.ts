/**
 * An author moderates comments on their own posts only, and WordPress lists an author's comment
 * query page by page before it drops the comments on others' posts: pages come back short and
 * X-WP-Total counts comments the author cannot see. A job (and its preview) of an author without a
 * post filter is therefore read over their posts (`post[]`, their newest 100 published ones, as the
 * popup's "Mine" reads them). Moderators see everything: undefined.
 */
import type { SiteRow } from '../../shared/db/index.ts';
import type { JobFilter } from '../../shared/jobs.ts';
import type { WpClient } from '../../shared/wp/client.ts';

export async function ownPostsFor(
  client: WpClient,
  site: Pick<SiteRow, 'mode' | 'userId'>,
  filter: JobFilter,
): Promise<number[] | undefined> {
  if (site.mode === 'moderator' || filter.post !== undefined) return undefined;
  return (await client.listPostIdsOf(site.userId)).sort((a, b) => a - b);
}
