/**
 * Server search: what the popup's search box finds on the blog beyond the cache. For each site in
 * scope, one page (the newest `searchPageSize` matches) of the view the popup shows, read like the
 * sync reads (every type, edit context for moderators) and written through the sync's write path —
 * a decision not sent yet wins over what the server says — with the posts and parents the results
 * refer to. The popup then lists them from the cache, and every action works on them as on any
 * cached comment. A site that fails writes nothing and says why; the others are still searched.
 */
import type { CommentRow, SiteRow } from '../../shared/db/index.ts';
import type { PageRequest, ServerSearchSite } from '../../shared/messages.ts';
import { reportError } from '../../shared/report-error.ts';
import { statusInView, type ViewName } from '../../shared/views.ts';
import type { ListCommentsParams, WpClient } from '../../shared/wp/client.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';
import { firewallText } from '../firewall-text.ts';
import { refreshViews } from '../inline/notify.ts';
import { ReplyError } from '../reply-error.ts';
import { siteStatusAfter } from '../sites/reachability.ts';
import { clientForSite } from '../sites/site-client.ts';
import { notComments, syncTables, toCommentRow, writePulled } from './cache-write.ts';
import { fetchMissingParents, fetchMissingPosts } from './related.ts';

export type SearchRequest = Extract<PageRequest, { type: 'searchServer' }>;

/** One page per site: enough to find the comment one looks for, small enough to answer fast. */
export const searchPageSize = 50;
/** "Mine" asks for comments on at most this many of the user's posts (`post[]` in the URL). */
const maxOwnPosts = 100;

/** WordPress's `status` for each view ("Mine": `all` = pending and approved). */
const restStatus: Record<ViewName, NonNullable<ListCommentsParams['status']>> = {
  hold: 'hold',
  approved: 'approve',
  spam: 'spam',
  trash: 'trash',
  mine: 'all',
};
const restType: Record<SearchRequest['commentType'], NonNullable<ListCommentsParams['type']>> = {
  all: 'all',
  comments: 'comment',
  pings: 'pings',
};

/** Searches every site in scope (the one asked for, or all connected), each on its own. */
export async function searchServer(
  ctx: BackgroundContext,
  request: SearchRequest,
): Promise<{ sites: ServerSearchSite[] }> {
  const wanted = request.siteId ?? request.post?.siteId;
  if (request.siteId && request.post && request.post.siteId !== request.siteId) return { sites: [] };
  const sites = wanted === undefined ? await ctx.db.sites.toArray() : [await ctx.db.sites.get(wanted)];
  if (sites.some((site) => site === undefined)) {
    throw new ReplyError('site_not_connected', 'This site is not connected.');
  }
  const results = await Promise.all((sites as SiteRow[]).map((site) => searchSite(ctx, site, request)));
  // What was written can change the badge and the open articles (a pending comment found, one moved).
  if (results.some((site) => site.outcome === 'found' && site.received > 0)) {
    await refreshViews(ctx, wanted).catch((error: unknown) => reportError(error, { where: 'background: search' }));
  }
  return { sites: results };
}

async function searchSite(ctx: BackgroundContext, site: SiteRow, request: SearchRequest): Promise<ServerSearchSite> {
  const siteId = site.id;
  // WordPress lists an author's spam and trash only item by item, and Freigabe never shows authors
  // those views' contents (as the inline view): nothing is asked.
  if (site.mode !== 'moderator' && (request.view === 'spam' || request.view === 'trash')) {
    return { siteId, outcome: 'not-allowed' };
  }
  try {
    const client = await clientForSite(ctx, siteId);
    const context = site.mode === 'moderator' ? 'edit' : 'view';
    const startedAt = ctx.now();
    const posts = request.post
      ? [request.post.id]
      : request.view === 'mine'
        ? await ownPosts(ctx, client, site)
        : undefined;
    if (posts?.length === 0) return { siteId, outcome: 'found', added: 0, received: 0, total: 0 };
    const page = await client.listComments({
      search: request.query,
      status: restStatus[request.view],
      type: restType[request.commentType],
      post: posts,
      perPage: searchPageSize,
      orderby: 'date_gmt',
      order: 'desc',
      context,
    });
    // A server that sends more than asked for, or an id twice, gets one page of distinct comments.
    const found = new Map<number, CommentRow>();
    for (const comment of page.items.slice(0, searchPageSize)) {
      if (!notComments.has(comment.type)) found.set(comment.id, toCommentRow(siteId, comment, startedAt));
    }
    const rows = [...found.values()];
    const parents = (
      await fetchMissingParents(
        ctx,
        client,
        siteId,
        rows.map((row) => row.parent),
        context,
        startedAt,
      )
    ).filter((row) => !found.has(row.id));
    const postRows = await fetchMissingPosts(
      ctx,
      client,
      siteId,
      [...rows, ...parents].map((row) => row.post),
    );
    const added = await writeFound(ctx, siteId, request.view, rows, parents, postRows, startedAt);
    return { siteId, outcome: 'found', added, received: rows.length, total: Math.max(page.total, rows.length) };
  } catch (error) {
    return { siteId, outcome: 'failed', ...failure(error) };
  }
}

/** The user's posts on this site: their newest published ones on the server, and those the cache knows. */
export async function ownPosts(ctx: BackgroundContext, client: WpClient, site: SiteRow): Promise<number[]> {
  const onServer = await client.listPostIdsOf(site.userId);
  const cached = await ctx.db.posts
    .where('[siteId+id]')
    .between([site.id, 0], [site.id, Number.MAX_SAFE_INTEGER])
    .filter((post) => post.author === site.userId)
    .primaryKeys();
  return [...new Set([...onServer, ...cached.map(([, id]) => id)])].slice(0, maxOwnPosts);
}

/** Writes what was found in one transaction; answers how many comments are in the view now that were not before. */
async function writeFound(
  ctx: BackgroundContext,
  siteId: string,
  view: ViewName,
  rows: CommentRow[],
  parents: CommentRow[],
  posts: Awaited<ReturnType<typeof fetchMissingPosts>>,
  startedAt: number,
): Promise<number> {
  const keys = rows.map((row) => [siteId, row.id] as [string, number]);
  let added = 0;
  await ctx.db.transaction('rw', syncTables(ctx.db), async () => {
    const before = await ctx.db.comments.bulkGet(keys);
    await writePulled(ctx, siteId, [...rows, ...parents], startedAt);
    await ctx.db.posts.bulkPut(posts);
    const after = await ctx.db.comments.bulkGet(keys);
    added = after.filter((row, index) => {
      const earlier = before[index];
      return row !== undefined && statusInView(view, row.status) && !(earlier && statusInView(view, earlier.status));
    }).length;
  });
  return added;
}

function failure(error: unknown): {
  reason: Extract<ServerSearchSite, { outcome: 'failed' }>['reason'];
  message: string;
} {
  const message = firewallText(error) ?? (error instanceof Error ? error.message : String(error));
  if (error instanceof WpError && error.kind === 'forbidden') return { reason: 'forbidden', message };
  if (error instanceof WpError && error.kind === 'invalid-response') return { reason: 'invalid', message };
  const { status } = siteStatusAfter(error);
  return { reason: status === 'needs-login' || status === 'offline' ? status : 'error', message };
}
