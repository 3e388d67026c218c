/**
 * What a filter matches on the server before a job starts: WordPress's count (X-WP-Total) and the
 * newest few with their posts' titles — nothing needs to be synced first, and nothing is written to
 * the cache but the titles of the posts shown.
 */
import type { SiteRow } from '../../shared/db/index.ts';
import type { JobFilter } from '../../shared/jobs.ts';
import type { JobPreview } from '../../shared/messages.ts';
import { reportError } from '../../shared/report-error.ts';
import type { BackgroundContext } from '../context.ts';
import { clientForSite } from '../sites/site-client.ts';
import { toCommentRow } from '../sync/cache-write.ts';
import { fetchMissingPosts } from '../sync/related.ts';
import { ownPostsFor } from './author-posts.ts';
import { bridgeOfSite } from './bridge-of-site.ts';
import { checkFilterFor, restStreamsOf, siteOrRefuse } from './filter-check.ts';
import { selectionOf } from './selection.ts';

export const previewSize = 10;

export async function previewJob(
  ctx: BackgroundContext,
  request: { siteId: string; filter: JobFilter },
): Promise<JobPreview> {
  const site = await siteOrRefuse(ctx.db, request.siteId);
  checkFilterFor(site, request.filter);
  const client = await clientForSite(ctx, site.id);
  const ownPosts = await ownPostsFor(client, site, request.filter);
  const pages =
    ownPosts?.length === 0
      ? []
      : await Promise.all(
          restStreamsOf(request.filter).map((stream) =>
            client.jobs.newest(selectionOf(request, stream, site, ownPosts), previewSize),
          ),
        );
  const newest = pages
    .flatMap((page) => page.items)
    .map((comment) => toCommentRow(site.id, comment, ctx.now()))
    .sort((a, b) => b.date - a.date || b.id - a.id)
    .slice(0, previewSize);
  const titles = await postTitles(ctx, client, site, newest);
  return {
    total: pages.reduce((sum, page) => sum + page.total, 0),
    first: newest.map((row) => ({
      id: row.id,
      post: row.post,
      postTitle: titles.get(row.post) ?? null,
      authorName: row.authorName,
      date: row.date,
      contentHtml: row.contentHtml,
      status: row.status,
    })),
    route: bridgeOfSite(site) ? 'bridge' : 'rest',
  };
}

async function postTitles(
  ctx: BackgroundContext,
  client: Awaited<ReturnType<typeof clientForSite>>,
  site: SiteRow,
  rows: readonly { post: number }[],
): Promise<Map<number, string>> {
  const ids = [...new Set(rows.map((row) => row.post))];
  // Titles are a courtesy: a preview without them still shows the count and the comments.
  const fetched = await fetchMissingPosts(ctx, client, site.id, ids).catch((error: unknown) => {
    reportError(error, { where: 'background: bulk job preview titles', silent: true });
    return [];
  });
  if (fetched.length > 0) await ctx.db.posts.bulkPut(fetched);
  const posts = await ctx.db.posts.bulkGet(ids.map((id) => [site.id, id] as [string, number]));
  return new Map(posts.flatMap((post) => (post ? [[post.id, post.title] as [number, string]] : [])));
}
