/**
 * Pulls a site's pending queue (every comment type) into the cache, re-reads the cached comments
 * that left it (decided elsewhere: moved, or deleted), then the titles of their posts. Unsent
 * decisions are re-applied over what the server says.
 */
import type { CommentRow, PostRow, SiteRow } from '../../shared/db/index.ts';
import type { SyncSummary } from '../../shared/messages.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { WpComment } from '../../shared/wp/schemas.ts';
import type { BackgroundContext } from '../context.ts';
import { statusAfter as statusAfterDecision } from '../outbox/status.ts';
import { clientForSite } from '../sites/site-client.ts';
import { fetchPendingQueue, recheck } from './fetch-queue.ts';

/** Editor notes (WordPress 6.9's `note` type) live in the comments table but are not comments. */
const notComments = new Set(['note']);

export function toCommentRow(siteId: string, comment: WpComment, syncedAt: number): CommentRow {
  return {
    siteId,
    id: comment.id,
    post: comment.post,
    parent: comment.parent,
    authorName: comment.author_name,
    authorUrl: comment.author_url,
    authorEmail: comment.author_email ?? null,
    authorIp: comment.author_ip ?? null,
    authorUserAgent: comment.author_user_agent ?? null,
    date: Date.parse(`${comment.date_gmt.replace(/Z$/, '')}Z`),
    contentHtml: comment.content.rendered,
    contentRaw: comment.content.raw ?? null,
    link: comment.link,
    status: comment.status,
    type: comment.type === '' ? 'comment' : comment.type,
    syncedAt,
  };
}

const running = new Map<string, Promise<SyncSummary>>();

/** Syncs one site; a sync already running for that site is joined, never doubled. */
export function syncPending(ctx: BackgroundContext, siteId: string): Promise<SyncSummary> {
  const current = running.get(siteId);
  if (current) return current;
  const sync = pull(ctx, siteId).finally(() => running.delete(siteId));
  running.set(siteId, sync);
  return sync;
}

async function pull(ctx: BackgroundContext, siteId: string): Promise<SyncSummary> {
  const site = await ctx.db.sites.get(siteId);
  if (!site) throw new WpError('terminal', 'This site is not connected.', null, 'site_not_connected');
  const client = await clientForSite(ctx, siteId);
  const syncedAt = ctx.now();
  await ctx.db.sites.update(siteId, { status: 'syncing' });
  try {
    const context = site.mode === 'moderator' ? 'edit' : 'view';
    const queue = await fetchPendingQueue(client, context);
    const pending = queue.comments
      .filter((comment) => !notComments.has(comment.type))
      .map((comment) => toCommentRow(siteId, comment, syncedAt));
    const fresh = new Set(pending.map((comment) => comment.id));
    const undecided = await unsentDecisions(ctx, siteId);
    // Cached as pending but no longer in the list: re-read them to learn where they went.
    const left = (await ctx.db.comments.where('[siteId+status]').equals([siteId, 'hold']).primaryKeys())
      .map(([, id]) => id)
      .filter((id) => !fresh.has(id) && !undecided.has(id));
    const whereabouts = await recheck(client, left, context);
    const moved: CommentRow[] = [];
    for (const comment of whereabouts.values()) {
      if (notComments.has(comment.type)) continue;
      const row = toCommentRow(siteId, comment, syncedAt);
      if (row.status === 'hold') pending.push(row);
      else moved.push(row);
    }
    const gone = left.filter((id) => !whereabouts.has(id)).map((id) => [siteId, id] as [string, number]);
    const posts = await missingPosts(ctx, client, site, pending);
    await ctx.db.transaction('rw', ctx.db.comments, ctx.db.posts, ctx.db.sites, ctx.db.outbox, async () => {
      // Pulled data never undoes a decision not sent yet: those comments keep what the user decided.
      const stillUndecided = await unsentDecisions(ctx, siteId);
      for (const comment of [...pending, ...moved]) {
        const decided = stillUndecided.get(comment.id);
        if (decided !== undefined) comment.status = decided;
      }
      await ctx.db.comments.bulkDelete(gone.filter(([, id]) => !stillUndecided.has(id)));
      await ctx.db.comments.bulkPut([...pending, ...moved]);
      await ctx.db.posts.bulkPut(posts);
      await ctx.db.sites.update(siteId, {
        status: 'connected',
        statusMessage: null,
        lastSyncAt: syncedAt,
        pendingTotal: pending.length,
      });
    });
    const total = queue.total;
    return { siteId, pending: pending.length, serverTotal: total };
  } catch (error) {
    await ctx.db.sites.update(siteId, siteStatusAfter(error));
    throw error;
  }
}

/** The status each comment with decisions not yet sent shows (its latest decision's), by comment id. */
async function unsentDecisions(ctx: BackgroundContext, siteId: string): Promise<Map<number, string>> {
  const rows = await ctx.db.outbox.where('siteId').equals(siteId).sortBy('id');
  const statuses = new Map<number, string>();
  for (const row of rows) {
    if (row.state === 'waiting' || row.state === 'sending') {
      statuses.set(row.commentId, statusAfterDecision(row.decision, row.previousStatus));
    }
  }
  return statuses;
}

function siteStatusAfter(error: unknown): Pick<SiteRow, 'status' | 'statusMessage'> {
  if (error instanceof WpError) {
    if (error.kind === 'auth') return { status: 'needs-login', statusMessage: error.message };
    if (error.kind === 'retryable' && (error.code === 'network' || error.code === 'timeout')) {
      return { status: 'offline', statusMessage: error.message };
    }
    return { status: 'error', statusMessage: error.message };
  }
  return { status: 'error', statusMessage: error instanceof Error ? error.message : String(error) };
}

async function missingPosts(
  ctx: BackgroundContext,
  client: Awaited<ReturnType<typeof clientForSite>>,
  site: SiteRow,
  comments: CommentRow[],
): Promise<PostRow[]> {
  const ids = [...new Set(comments.map((comment) => comment.post))];
  const known = await ctx.db.posts.bulkGet(ids.map((id) => [site.id, id] as [string, number]));
  let missing = ids.filter((_, index) => known[index] === undefined);
  const rows: PostRow[] = [];
  for (const kind of ['posts', 'pages'] as const) {
    for (let start = 0; start < missing.length; start += 100) {
      const found = await client.listPosts(kind, missing.slice(start, start + 100));
      for (const post of found) {
        rows.push({
          siteId: site.id,
          id: post.id,
          title: post.title.rendered,
          link: post.link,
          author: post.author ?? null,
        });
      }
    }
    const foundIds = new Set(rows.map((row) => row.id));
    missing = missing.filter((id) => !foundIds.has(id));
  }
  return rows;
}
