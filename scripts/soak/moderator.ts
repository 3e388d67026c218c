/**
 * The other moderator: the site's administrator, changing some of the same comments straight over
 * REST (not through the extension, not through the fault proxy), the way a colleague in wp-admin
 * would — and, as wp-admin does, keeping the commenter's IP and user agent.
 */
import type { DemoSiteUser } from '../wp/index.ts';
import { restRequest } from '../wp/rest.ts';

export const moderatorStatuses = ['approved', 'hold', 'spam', 'trash'] as const;

export interface ModeratorChange {
  /** the status WordPress answered with; null: the change failed (its reason in `error`) */
  result: string | null;
  error: string | null;
}

export async function moderate(
  root: string,
  admin: DemoSiteUser,
  commentId: number,
  status: (typeof moderatorStatuses)[number],
): Promise<ModeratorChange> {
  const read = await restRequest(root, admin, `wp/v2/comments/${commentId}?context=edit`);
  if (read.status === 404) return { result: null, error: 'gone' };
  if (!read.ok) return { result: null, error: `read: HTTP ${read.status}` };
  const comment = (await read.json()) as { author_ip: string; author_user_agent: string };
  const write = await restRequest(root, admin, `wp/v2/comments/${commentId}`, {
    method: 'POST',
    body: { status, author_ip: comment.author_ip, author_user_agent: comment.author_user_agent },
  });
  if (!write.ok) return { result: null, error: `HTTP ${write.status} ${(await write.text()).slice(0, 200)}` };
  return { result: ((await write.json()) as { status: string }).status, error: null };
}
