/**
 * What WordPress holds at the end, read as the administrator straight from the site (not through
 * the proxy): every comment in every status and type, with the commenter's data and raw text.
 */
import type { DemoSiteUser } from '../wp/index.ts';
import { restRequest } from '../wp/rest.ts';

export interface ServerComment {
  id: number;
  post: number;
  parent: number;
  author: number;
  status: string;
  author_email: string;
  author_ip: string;
  author_user_agent: string;
  content: { raw: string };
}

export async function readAllComments(root: string, admin: DemoSiteUser): Promise<Map<number, ServerComment>> {
  const all = new Map<number, ServerComment>();
  for (let page = 1; ; page++) {
    const fields = 'id,post,parent,author,status,author_email,author_ip,author_user_agent,content';
    const route = `wp/v2/comments?status=any&type=all&context=edit&per_page=100&page=${page}&orderby=id&order=asc&_fields=${fields}`;
    const response = await restRequest(root, admin, route);
    if (!response.ok) throw new Error(`reading the comments: HTTP ${response.status} ${await response.text()}`);
    const comments = (await response.json()) as ServerComment[];
    for (const comment of comments) all.set(comment.id, comment);
    if (page >= Number(response.headers.get('X-WP-TotalPages') ?? 1)) return all;
  }
}
