/**
 * Comments per status on the server: X-WP-Total of one cheap query per status (`per_page=1`,
 * `_fields=id`). WordPress counts before it checks what the user may read, so for an author the
 * totals are every post's, not theirs: an author's pending count is what the pull could read, and
 * the other statuses are not known.
 */
import type { SiteMode, StatusCounts } from '../../shared/db/index.ts';
import type { WpClient } from '../../shared/wp/client.ts';

export async function statusCounts(
  client: WpClient,
  mode: SiteMode,
  readablePending: number,
  at: number,
): Promise<StatusCounts> {
  if (mode !== 'moderator') return { hold: readablePending, approved: null, spam: null, trash: null, at };
  const counted = await client.countByStatus();
  return { hold: counted.hold, approved: counted.approve, spam: counted.spam, trash: counted.trash, at };
}
