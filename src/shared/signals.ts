// TEMPORARY: replaced by the real module at merge
/** What makes a comment stand out before anyone reads it. */

export function linkCount(html: string): number {
  return (html.match(/<a\s[^>]*href\s*=/gi) ?? []).length;
}

/** Mentions imported by "Twitter Mentions as Comments": the author URL is a tweet. */
export function isImportedTweet(comment: { authorUrl: string; text: string }): boolean {
  return /^https?:\/\/(?:www\.)?(?:twitter|x)\.com\/[^/]+\/status\/\d+/i.test(comment.authorUrl);
}
