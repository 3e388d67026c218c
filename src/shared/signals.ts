// TEMPORARY: replaced by the real module at merge
export function linkCount(html: string): number {
  return (html.match(/<a\s/gi) ?? []).length;
}
export function isImportedTweet(comment: { authorUrl: string; text: string }): boolean {
  return /^https?:\/\/(?:www\.)?(?:twitter\.com|x\.com)\//i.test(comment.authorUrl) || /^RT @/.test(comment.text);
}
