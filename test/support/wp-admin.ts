/**
 * What a test needs to arrange on the real WordPress, done as the administrator over plain REST
 * (not through the client under test): posts and comments of its own, so tests never disturb each other.
 */
import type { SiteInfo } from '../../scripts/wp/index.ts';
import { basicAuth, user } from './rest.ts';

export interface ArrangedComment {
  id: number;
  post: number;
}

export function adminApi(wp: SiteInfo) {
  const headers = { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' };
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${wp.url}/wp-json/${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    async createPost(fields: { title: string; author?: number; comment_status?: 'open' | 'closed' }): Promise<number> {
      const post = await call<{ id: number }>('POST', 'wp/v2/posts', { status: 'publish', ...fields });
      return post.id;
    },
    async createComment(
      post: number,
      fields: {
        status?: string;
        ip?: string;
        userAgent?: string;
        content?: string;
        parent?: number;
        author_name?: string;
        author_email?: string;
        /** when it was written (UTC, e.g. 2026-11-28T08:00:00) */
        date_gmt?: string;
      },
    ): Promise<ArrangedComment> {
      const comment = await call<{ id: number; post: number }>('POST', 'wp/v2/comments', {
        post,
        parent: fields.parent ?? 0,
        content: fields.content ?? `Kommentar ${Math.random().toString(36).slice(2)}`,
        author_name: fields.author_name ?? 'Testleserin',
        author_email: fields.author_email ?? 'testleserin@example.org',
        author_ip: fields.ip ?? '198.51.100.200',
        author_user_agent: fields.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
        status: fields.status ?? 'hold',
        ...(fields.date_gmt ? { date_gmt: fields.date_gmt } : {}),
      });
      return { id: comment.id, post: comment.post };
    },
    /** The comment as WordPress stores it (edit context: IP, user agent, raw content). */
    read(id: number) {
      return call<{
        status: string;
        author_ip: string;
        author_user_agent: string;
        content: { raw: string };
        parent: number;
      }>('GET', `wp/v2/comments/${id}?context=edit`);
    },
    /** The replies under a comment, whatever their status (hold, approved, spam, trash). */
    async children(parent: number) {
      const replies: { id: number; status: string; content: { raw: string } }[] = [];
      for (const status of ['hold', 'approve', 'spam', 'trash']) {
        replies.push(
          ...(await call<typeof replies>(
            'GET',
            `wp/v2/comments?parent=${parent}&status=${status}&context=edit&per_page=100`,
          )),
        );
      }
      return replies;
    },
    /** Deletes a comment for good (tests clean up what would crowd other tests' queues). */
    async remove(id: number): Promise<void> {
      await call('DELETE', `wp/v2/comments/${id}?force=true`);
    },
    /** Deletes a post for good, with its comments. */
    async removePost(id: number): Promise<void> {
      await call('DELETE', `wp/v2/posts/${id}?force=true`);
    },
    async exists(id: number): Promise<boolean> {
      const response = await fetch(`${wp.url}/wp-json/wp/v2/comments/${id}?context=edit`, { headers });
      return response.ok;
    },
  };
}
