/**
 * The article a tab shows, as the background verified it: the post the content script names is
 * taken only if WordPress's own `link` for that post is the tab's URL (inline/article-url.ts). A
 * content script of one article cannot claim another, and a page's DOM (body classes, an
 * `alternate` link) cannot point the extension at another article.
 */
import type { PostRow, SiteRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';
import { clientForSite } from '../sites/site-client.ts';
import { isArticleUrl } from './article-url.ts';

/** The post's row, read again from WordPress (a cached link may be stale: the slug changed). */
async function freshPost(ctx: BackgroundContext, site: SiteRow, postId: number): Promise<PostRow | null> {
  const client = await clientForSite(ctx, site.id);
  for (const kind of ['posts', 'pages'] as const) {
    const [post] = await client.listPosts(kind, [postId]);
    if (!post || post.id !== postId) continue;
    const cached = await ctx.db.posts.get([site.id, postId]);
    const row: PostRow = {
      ...cached,
      siteId: site.id,
      id: post.id,
      title: post.title.rendered,
      link: post.link,
      author: post.author ?? null,
    };
    await ctx.db.posts.put(row);
    return row;
  }
  return null;
}

/** The post's link when it is the tab's URL, else null (then nothing per-post is allowed). */
export async function verifiedArticleLink(
  ctx: BackgroundContext,
  site: SiteRow,
  postId: number,
  tabUrl: URL,
): Promise<string | null> {
  const cached = await ctx.db.posts.get([site.id, postId]);
  if (cached && isArticleUrl(cached.link, tabUrl)) return cached.link;
  const fresh = await freshPost(ctx, site, postId).catch(() => null);
  return fresh && isArticleUrl(fresh.link, tabUrl) ? fresh.link : null;
}
