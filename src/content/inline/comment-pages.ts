/**
 * Which comment page WordPress shows a comment on, read from its permalink (`get_comment_link()`:
 * …/comment-page-2/#comment-N, or ?cpage=2 without pretty permalinks). WordPress numbers comment
 * pages from the oldest comments, whatever page an article opens on; a permalink without a page is
 * on page 1 (or comments are not paged at all).
 */

/** The comment page a URL names, or null when it names none. */
export function commentPageIn(url: string): number | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL: no comment page.
    return null;
  }
  const fromPath = /\/comment-page-(\d+)(?:\/|$)/.exec(parsed.pathname)?.[1];
  const page = Number(fromPath ?? parsed.searchParams.get('cpage') ?? Number.NaN);
  return Number.isInteger(page) && page > 0 ? page : null;
}

/** The comment page of a comment's permalink (1 when it names none). */
export function pageOfLink(link: string): number {
  return commentPageIn(link) ?? 1;
}

/**
 * The comment page in front of the user: what WordPress's permalinks of the comments shown here
 * say (the article's own address does not say which page it opens on when the newest are shown
 * first), else what the address names; null when neither tells.
 */
export function currentCommentPage(pageUrl: string, shownLinks: readonly string[]): number | null {
  const votes = new Map<number, number>();
  for (const link of shownLinks) {
    const page = pageOfLink(link);
    votes.set(page, (votes.get(page) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [page, count] of votes) if (best === null || count > (votes.get(best) ?? 0)) best = page;
  return best ?? commentPageIn(pageUrl);
}

/** A link WordPress gave us, fit for an href on this page: http(s) on the page's own site, else null. */
export function safeHref(link: string | null, pageUrl: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, pageUrl);
    const page = new URL(pageUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === page.host ? url.href : null;
  } catch {
    // Not a URL: no link.
    return null;
  }
}
