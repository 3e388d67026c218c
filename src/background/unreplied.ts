/**
 * "Unreplied" (ADR 028): approved comments of the last `unrepliedDays` days that have no reply from
 * their post's author — on the user's own posts (authors) or on any post (moderators). Asked of
 * WordPress, because the cache holds approved comments only as thread context:
 * 1. the newest approved comments of the window (one page; authors: `post[]` = their posts);
 * 2. the replies to them, by `parent[]` (every status the user may see);
 * 3. whose post each is (cached posts, the rest read), so "from the post's author" is exact.
 * What is found is written through the sync's write path (as the server search does), so the popup
 * lists it from the cache and a quick reply goes through the outbox like any other.
 */
import type { PostRow, SiteRow } from '../shared/db/index.ts';
import type { UnrepliedSite } from '../shared/messages.ts';
import type { WpClient } from '../shared/wp/client.ts';
import type { WpComment } from '../shared/wp/schemas.ts';
import type { BackgroundContext } from './context.ts';
import { firewallText } from './firewall-text.ts';
import { ReplyError } from './reply-error.ts';
import { clientForSite } from './sites/site-client.ts';
import { notComments, syncTables, toCommentRow, writePulled } from './sync/cache-write.ts';
import { ownPosts } from './sync/search.ts';

/** How far back "Unreplied" looks: older conversations are over. */
export const unrepliedDays = 14;
/** Approved comments looked at per site: the newest page of the window. */
export const unrepliedPageSize = 100;
/** Pages of replies read at most (a page holds 100). */
const maxReplyPages = 5;

/** The badge's count of Unreplied is asked for again after this long (when the user counts it there). */
export const unrepliedBadgeFreshForMs = 15 * 60_000;

/** Asks again where the badge's count is old; answers whether anything was asked. */
export async function refreshUnrepliedCounts(ctx: BackgroundContext): Promise<boolean> {
  const due = (await ctx.db.sites.toArray()).filter(
    (site) => site.status === 'connected' && ctx.now() - (site.unreplied?.checkedAt ?? 0) >= unrepliedBadgeFreshForMs,
  );
  await Promise.all(due.map((site) => unrepliedOn(ctx, site)));
  return due.length > 0;
}

export async function findUnreplied(ctx: BackgroundContext, onlySiteId?: string): Promise<{ sites: UnrepliedSite[] }> {
  const sites = onlySiteId ? [await ctx.db.sites.get(onlySiteId)] : await ctx.db.sites.toArray();
  if (sites.some((site) => site === undefined))
    throw new ReplyError('site_not_connected', 'This site is not connected.');
  return { sites: await Promise.all((sites as SiteRow[]).map((site) => unrepliedOn(ctx, site))) };
}

async function unrepliedOn(ctx: BackgroundContext, site: SiteRow): Promise<UnrepliedSite> {
  const siteId = site.id;
  try {
    const client = await clientForSite(ctx, siteId);
    const moderator = site.mode === 'moderator';
    const context = moderator ? 'edit' : 'view';
    const startedAt = ctx.now();
    const posts = moderator ? undefined : await ownPosts(ctx, client, site);
    if (posts?.length === 0) return found(siteId, [], [], 0);
    // `after` compares with the comment's local date: the window's edge may be off by the site's
    // time zone, which does not matter for two weeks.
    const after = new Date(startedAt - unrepliedDays * 24 * 60 * 60_000).toISOString().slice(0, 19);
    const page = await client.listComments({
      status: 'approve',
      type: 'comment',
      post: posts,
      after,
      perPage: unrepliedPageSize,
      orderby: 'date_gmt',
      order: 'desc',
      context,
    });
    const approved = page.items.filter((comment) => !notComments.has(comment.type));
    const postRows = await postsOf(ctx, client, site, approved);
    const authorOf = new Map(postRows.map((post) => [post.id, post.author]));
    const replied = await repliedByPostAuthor(client, approved, authorOf);
    const unreplied = approved.filter((comment) => {
      const postAuthor = authorOf.get(comment.post);
      // The post's author's own comments await nobody's reply; an unknown author cannot be checked.
      return postAuthor != null && comment.author !== postAuthor && !replied.has(comment.id);
    });
    const rows = unreplied.map((comment) => toCommentRow(siteId, comment, startedAt));
    await ctx.db.transaction('rw', syncTables(ctx.db), async () => {
      await writePulled(ctx, siteId, rows, startedAt);
      await ctx.db.posts.bulkPut(postRows.filter((post) => rows.some((row) => row.post === post.id)));
      await ctx.db.sites.update(siteId, { unreplied: { count: rows.length, checkedAt: startedAt } });
    });
    const authorIds = [...new Set(unreplied.map((comment) => authorOf.get(comment.post) as number))];
    // Names only label the filter: without them (a plugin hiding /users) it shows the user ids.
    const names = await client.listUserNames(authorIds).catch(() => []);
    return found(
      siteId,
      rows.map((row) => ({ id: row.id, post: row.post, postAuthor: authorOf.get(row.post) as number })),
      authorIds.map((id) => ({ id, name: names.find((user) => user.id === id)?.name ?? `#${id}` })),
      approved.length,
    );
  } catch (error) {
    // Shown to the user in the view, with a retry (one site failing does not hide the others).
    return {
      siteId,
      outcome: 'failed',
      message: firewallText(error) ?? (error instanceof Error ? error.message : String(error)),
    };
  }
}

function found(
  siteId: string,
  comments: { id: number; post: number; postAuthor: number }[],
  postAuthors: { id: number; name: string }[],
  checked: number,
): UnrepliedSite {
  return { siteId, outcome: 'found', comments, postAuthors, checked, days: unrepliedDays };
}

/** The posts these comments are on, with their authors: from the cache, the rest (or those cached without an author) read. */
async function postsOf(
  ctx: BackgroundContext,
  client: WpClient,
  site: SiteRow,
  comments: readonly WpComment[],
): Promise<PostRow[]> {
  const ids = [...new Set(comments.map((comment) => comment.post))];
  const cached = (await ctx.db.posts.bulkGet(ids.map((id) => [site.id, id] as [string, number]))).filter(
    (post): post is PostRow => post !== undefined && post.author !== null,
  );
  let missing = ids.filter((id) => !cached.some((post) => post.id === id));
  const read: PostRow[] = [];
  for (const kind of ['posts', 'pages'] as const) {
    for (let start = 0; start < missing.length; start += 100) {
      for (const post of await client.listPosts(kind, missing.slice(start, start + 100))) {
        read.push({
          siteId: site.id,
          id: post.id,
          title: post.title.rendered,
          link: post.link,
          author: post.author ?? null,
        });
      }
    }
    missing = missing.filter((id) => !read.some((post) => post.id === id));
  }
  return [...cached, ...read];
}

/** The ids of the comments that have a reply by their post's author. */
async function repliedByPostAuthor(
  client: WpClient,
  comments: readonly WpComment[],
  authorOf: ReadonlyMap<number, number | null>,
): Promise<Set<number>> {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const replied = new Set<number>();
  if (byId.size === 0) return replied;
  for (let page = 1; page <= maxReplyPages; page++) {
    const replies = await client.listComments({
      parent: [...byId.keys()],
      status: 'all',
      type: 'comment',
      perPage: 100,
      page,
      fields: [
        'id',
        'post',
        'parent',
        'author',
        'author_name',
        'author_url',
        'date_gmt',
        'content',
        'link',
        'status',
        'type',
      ],
    });
    for (const reply of replies.items) {
      const parent = byId.get(reply.parent);
      if (parent && reply.author !== 0 && reply.author === authorOf.get(parent.post)) replied.add(parent.id);
    }
    if (page >= replies.totalPages) break;
  }
  return replied;
}
