/**
 * A content script's site is the connected site that holds the URL the browser says the message
 * came from (the deepest home on that origin: sites/site-of-page.ts) — never anything the page or
 * the message claims. The article is the one the tab reported for that same site, verified.
 */
import type { SiteRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { connectedSiteOf } from '../sites/site-of-page.ts';
import { tabPage } from '../tab-state.ts';
import { isArticleUrl } from './article-url.ts';

export interface ContentSender {
  tabId: number;
  url: URL;
}

export async function siteOfSender(ctx: BackgroundContext, from: ContentSender): Promise<SiteRow> {
  const site = await connectedSiteOf(ctx, from.url);
  if (!site) throw new ReplyError('site_not_connected', 'This site is not connected.');
  return site;
}

/**
 * The article the sender's tab reported (pageDetected) and the background verified against
 * WordPress's link for it, while the sender is still on that link; requests about other posts are
 * refused.
 */
export async function postOfSender(ctx: BackgroundContext, from: ContentSender, site: SiteRow): Promise<number> {
  const page = await tabPage(ctx, from.tabId);
  if (!page || page.siteId !== site.id || page.postId === null || !page.link || !isArticleUrl(page.link, from.url)) {
    throw new ReplyError('not_an_article', 'This tab does not show an article of a connected site.');
  }
  return page.postId;
}
