/**
 * A visitor writing a comment through the theme's form (wp-comments-post.php), as a reader does:
 * WordPress decides where it lands (its blocklists, its moderation settings). Answers the comment's
 * id and the status WordPress gave it, read back as the administrator.
 */
import type { SiteInfo } from '../../scripts/wp/index.ts';
import { adminApi } from './wp-admin.ts';

export interface VisitorComment {
  author: string;
  email: string;
  url?: string;
  content: string;
}

export async function postAsVisitor(
  wp: SiteInfo,
  post: number,
  comment: VisitorComment,
): Promise<{ id: number; status: string }> {
  const form = new URLSearchParams({
    comment_post_ID: String(post),
    author: comment.author,
    email: comment.email,
    url: comment.url ?? '',
    comment: comment.content,
    comment_parent: '0',
  });
  const response = await fetch(`${wp.url}/wp-comments-post.php`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  const location = response.headers.get('location') ?? '';
  const id = Number(/#comment-(\d+)/.exec(location)?.[1] ?? /[?&]unapproved=(\d+)/.exec(location)?.[1]);
  if (response.status !== 302 || !Number.isInteger(id) || id <= 0)
    throw new Error(
      `wp-comments-post.php: HTTP ${response.status} ${location} ${(await response.text()).slice(0, 300)}`,
    );
  return { id, status: (await adminApi(wp).read(id)).status };
}
