/**
 * Controls follow permissions: a moderator may do everything; an author only what WordPress lets
 * authors do, on their own posts. Nobody sees a button that will fail.
 */
import type { PostRow, SiteRow } from '../../shared/db/index.ts';
import { mayModerate } from '../../shared/moderation.ts';

export function canModerate(site: SiteRow | undefined, post: PostRow | undefined): boolean {
  if (!site) return false;
  return mayModerate(site.mode, post?.author !== null && post?.author !== undefined && post.author === site.userId);
}

/** Email, IP and user agent are only known (and shown) to moderators. */
export const seesAuthorDetails = (site: SiteRow | undefined): boolean => site?.mode === 'moderator';
