/**
 * What a test needs to arrange on the real WordPress, done as the administrator over plain REST
 * (not through the client under test): posts and comments of its own, so tests never disturb each other.
 */
import { withDeadline } from '../../scripts/deadline.ts';
import type { SiteInfo } from '../../scripts/wp/index.ts';
import { restUrl } from '../../src/shared/wp/url.ts';
import { basicAuth, user } from './rest.ts';

export interface ArrangedComment {
  id: number;
  post: number;
}

/** `root`: the site's REST root when a test moved it (plain permalinks: `…/?rest_route=/`; a custom prefix). */
export function adminApi(wp: SiteInfo, root = `${wp.url}/wp-json/`) {
  const headers = { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' };
  const urlOf = (route: string) => {
    const [path = '', query = ''] = route.split('?');
    const url = restUrl(root, path);
    for (const [key, value] of new URLSearchParams(query)) url.searchParams.append(key, value);
    return url;
  };
  const call = <T>(method: string, route: string, body?: unknown): Promise<T> =>
    withDeadline(`${method} ${route}`, 60_000, async () => {
      const response = await fetch(urlOf(route), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as T;
      if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${JSON.stringify(json)}`);
      return json;
    });
  return {
    async createPost(fields: {
      title: string;
      /** stored as the administrator wrote it (unfiltered HTML, scripts included) */
      content?: string;
      author?: number;
      comment_status?: 'open' | 'closed';
      /** publication date, UTC (`2026-01-31T10:00:00`) */
      date_gmt?: string;
    }): Promise<number> {
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
        author_url?: string;
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
        ...(fields.author_url ? { author_url: fields.author_url } : {}),
      });
      return { id: comment.id, post: comment.post };
    },
    /** Where a post is read, under the site's permalink settings. */
    async postLink(id: number): Promise<string> {
      return (await call<{ link: string }>('GET', `wp/v2/posts/${id}?_fields=link`)).link;
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
      const response = await fetch(urlOf(`wp/v2/comments/${id}?context=edit`), { headers });
      return response.ok;
    },
  };
}
