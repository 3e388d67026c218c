/**
 * Whether a tab's URL is the address of an article: its WordPress `link`, read by the background
 * (never what the page's DOM or its content script claims). Allowed around the link: a comment
 * page (`/comment-page-N/`, `?cpage=N`), a fragment, and the query WordPress adds for replies
 * (`replytocom`), so every page of the article's thread is that article — and no other article is.
 */
const extraParams = new Set(['cpage', 'replytocom', 'unapproved', 'moderation-hash']);

function normalized(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    // Not a URL: no article to match.
    return null;
  }
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (extraParams.has(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  let path = url.pathname.replace(/\/comment-page-\d+\/?$/, '/');
  if (!path.endsWith('/')) path = `${path}/`;
  try {
    path = decodeURI(path);
  } catch {
    return null;
  }
  // http and https of one host are one article (a site behind a proxy may link the other scheme).
  return `${url.host.toLowerCase()}${path}?${url.searchParams.toString()}`;
}

export function isArticleUrl(link: string, tabUrl: string | URL): boolean {
  const article = normalized(link);
  return article !== null && article === normalized(String(tabUrl));
}
