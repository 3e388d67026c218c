/**
 * A commenter's history, read from WordPress when the user asks for it (one click on a name): how
 * many of their comments are approved, pending, spam and trash, their first and last date, the
 * posts they commented on, the IPs and URLs they used.
 *
 * Moderators are answered by the address (`author_email`, as WordPress itself decides "previously
 * approved"): four `per_page=1` counts (X-WP-Total) and the newest 100 in edit context, plus a
 * `search` for the comment's IP. Authors see no addresses (no `context=edit`), so they get the
 * comments under the same name on their own posts — the ones WordPress shows them — counted from
 * the list itself (an author's X-WP-Total is counted before WordPress's permission filter).
 *
 * Whom it is about comes from the cached comment, never from the message; nothing is written to
 * the cache (the answer is the popup's to show, and it is read again the next time).
 */
import type { CommentRow, SiteRow } from '../shared/db/index.ts';
import type { CommenterHistory } from '../shared/messages.ts';
import type { WpClient } from '../shared/wp/client.ts';
import type { WpComment } from '../shared/wp/schemas.ts';
import type { BackgroundContext } from './context.ts';
import { ReplyError } from './reply-error.ts';
import { clientForSite } from './sites/site-client.ts';
import { fetchMissingPosts } from './sync/related.ts';
import { ownPosts } from './sync/search.ts';

/** Comments read for posts, IPs and URLs: one page, the newest. */
export const historyPageSize = 100;

const dateOf = (comment: WpComment) => Date.parse(`${comment.date_gmt.replace(/Z$/, '')}Z`);

export async function readCommenterHistory(
  ctx: BackgroundContext,
  siteId: string,
  commentId: number,
): Promise<CommenterHistory> {
  const site = await ctx.db.sites.get(siteId);
  if (!site) throw new ReplyError('site_not_connected', 'This site is not connected.');
  const comment = await ctx.db.comments.get([siteId, commentId]);
  if (!comment) throw new ReplyError('unknown_comment', 'This comment is no longer in the cache. Sync and try again.');
  const client = await clientForSite(ctx, siteId);
  const email = comment.authorEmail?.trim();
  if (site.mode === 'moderator' && email) return byAddress(ctx, client, site, comment, email);
  return byName(ctx, client, site, comment);
}

async function byAddress(
  ctx: BackgroundContext,
  client: WpClient,
  site: SiteRow,
  comment: CommentRow,
  email: string,
): Promise<CommenterHistory> {
  const count = async (status: 'approve' | 'hold' | 'spam' | 'trash') =>
    (await client.listCommentIds({ authorEmail: email, status, type: 'comment', perPage: 1 })).total;
  const ip = comment.authorIp?.trim() || null;
  const [approved, pending, spam, trash, newest, sameIp] = await Promise.all([
    count('approve'),
    count('hold'),
    count('spam'),
    count('trash'),
    client.listComments({
      authorEmail: email,
      status: 'any',
      type: 'comment',
      perPage: historyPageSize,
      orderby: 'date_gmt',
      order: 'desc',
      context: 'edit',
    }),
    ip
      ? client
          .listCommentIds({ search: ip, status: 'any', type: 'all', perPage: 1 })
          .then(({ total }) => ({ ip, total }))
      : Promise.resolve(null),
  ]);
  const items = newest.items;
  let first = items.length > 0 ? dateOf(items[items.length - 1] as WpComment) : null;
  if (newest.total > items.length) {
    // More than one page: the first comment is the oldest of all, asked for on its own.
    const oldest = await client.listComments({
      authorEmail: email,
      status: 'any',
      type: 'comment',
      perPage: 1,
      orderby: 'date_gmt',
      order: 'asc',
    });
    first = oldest.items[0] ? dateOf(oldest.items[0]) : first;
  }
  return {
    ...(await summary(ctx, client, site, items)),
    by: 'email',
    who: email,
    counts: { approved, pending, spam, trash },
    first,
    total: Math.max(newest.total, items.length),
    sameIp,
  };
}

async function byName(
  ctx: BackgroundContext,
  client: WpClient,
  site: SiteRow,
  comment: CommentRow,
): Promise<CommenterHistory> {
  const name = comment.authorName.trim();
  const moderator = site.mode === 'moderator';
  // A moderator without an address (a pingback, an old import) searches the whole blog by name.
  const posts = moderator ? undefined : await ownPosts(ctx, client, site);
  const page =
    name === '' || posts?.length === 0
      ? { items: [] as WpComment[], total: 0 }
      : await client.listComments({
          search: name,
          status: moderator ? 'any' : 'all',
          type: 'comment',
          post: posts,
          perPage: historyPageSize,
          orderby: 'date_gmt',
          order: 'desc',
          context: moderator ? 'edit' : 'view',
        });
  // `search` also matches content, URLs and addresses: only the same name counts.
  const items = page.items.filter((item) => item.author_name.trim() === name);
  const statusCount = (status: string) => items.filter((item) => item.status === status).length;
  return {
    ...(await summary(ctx, client, site, items)),
    by: 'name',
    who: name,
    counts: {
      approved: statusCount('approved'),
      pending: statusCount('hold'),
      spam: moderator ? statusCount('spam') : null,
      trash: moderator ? statusCount('trash') : null,
    },
    first: items.length > 0 ? dateOf(items[items.length - 1] as WpComment) : null,
    total: items.length,
    sameIp: null,
  };
}

/** Last date, posts, IPs and URLs of the comments read (newest first). */
async function summary(ctx: BackgroundContext, client: WpClient, site: SiteRow, items: readonly WpComment[]) {
  const postCounts = tally(items.map((item) => item.post));
  const postIds = [...postCounts.keys()];
  const cached = await ctx.db.posts.bulkGet(postIds.map((id) => [site.id, id] as [string, number]));
  // Titles the cache lacks are read (not stored: the cache keeps what the queue refers to); without
  // them the panel names the post by its number.
  const fetched = await fetchMissingPosts(ctx, client, site.id, postIds).catch(() => []);
  const known = cached.map((post, index) => post ?? fetched.find((row) => row.id === postIds[index]));
  return {
    siteId: site.id,
    last: items[0] ? dateOf(items[0]) : null,
    read: items.length,
    posts: postIds.map((id, index) => ({
      id,
      title: known[index]?.title ?? null,
      link: known[index]?.link ?? null,
      comments: postCounts.get(id) ?? 0,
    })),
    // Only moderators see IPs (WordPress sends them in edit context only): never shown to anyone else.
    ips:
      site.mode === 'moderator'
        ? [...tally(items.map((item) => item.author_ip?.trim() ?? '')).keys()].filter(Boolean)
        : [],
    urls: [...tally(items.map((item) => item.author_url.trim())).keys()].filter(Boolean),
  };
}

/** Values by how often they occur, most often first (first seen first among equals). */
function tally<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}
