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

/**
 * Any other post type (a product, an event) is neither a post nor a page to the REST API; its
 * comments' links are its permalink with a comment page and a fragment, which the comparison allows.
 */
async function linkFromComments(ctx: BackgroundContext, site: SiteRow, postId: number): Promise<string | null> {
  const client = await clientForSite(ctx, site.id);
  const found = await client.listComments({ post: [postId], status: 'any', type: 'all', perPage: 1 });
  const [comment] = found.items;
  return comment && comment.post === postId ? comment.link : null;
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
  // Unreadable (offline, refused) counts as unverified: the tab gets no article, which is the safe
  // side, and the next page load asks again.
  const fresh = await freshPost(ctx, site, postId).catch(() => null);
  if (fresh) return isArticleUrl(fresh.link, tabUrl) ? fresh.link : null;
  // Unreadable here too: unverified, as above.
  const commentLink = await linkFromComments(ctx, site, postId).catch(() => null);
  return commentLink && isArticleUrl(commentLink, tabUrl) ? commentLink : null;
}
