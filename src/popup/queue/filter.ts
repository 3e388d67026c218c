/** The comments of a view that match the filters (post, type, search). */
import type { CommentRow } from '../../shared/db/index.ts';
import { searchTextOf } from './text.ts';
import { isPing, postKey, type QueueFilter } from './views.ts';

export function matchingComments(rows: readonly CommentRow[], filter: QueueFilter): CommentRow[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.post !== null && postKey(row.siteId, row.post) !== filter.post) return false;
    if (filter.type === 'comments' && isPing(row.type)) return false;
    if (filter.type === 'pings' && !isPing(row.type)) return false;
    if (words.length === 0) return true;
    const text = searchTextOf(row);
    return words.every((word) => text.includes(word));
  });
}

export interface PostChoice {
  key: string;
  siteId: string;
  post: number;
  count: number;
}

/** The posts a view's comments are on, the busiest first (for the post filter). */
export function postsOf(rows: readonly CommentRow[]): PostChoice[] {
  const byPost = new Map<string, PostChoice>();
  for (const row of rows) {
    const key = postKey(row.siteId, row.post);
    const choice = byPost.get(key);
    if (choice) choice.count += 1;
    else byPost.set(key, { key, siteId: row.siteId, post: row.post, count: 1 });
  }
  return [...byPost.values()].sort((a, b) => b.count - a.count);
}

/**
 * The article in front of the user first (the side panel follows the active tab): its comments
 * lead, everything else keeps its order behind them. `article`: a post key, or null for none.
 */
export function articleFirst(rows: CommentRow[], article: string | null): CommentRow[] {
  if (article === null) return rows;
  const first: CommentRow[] = [];
  const rest: CommentRow[] = [];
  for (const row of rows) (postKey(row.siteId, row.post) === article ? first : rest).push(row);
  return first.length === 0 || rest.length === 0 ? rows : [...first, ...rest];
}
