/** The queue's views (one per comment status, plus "Mine" for authors) and its filters. */
import type { CommentRow } from '../../shared/db/index.ts';
import type { ViewName } from '../../shared/views.ts';

export { mineStatuses, statusInView, type ViewName, viewLabelKeys } from '../../shared/views.ts';
export const statusViews = ['hold', 'approved', 'spam', 'trash'] as const;
export type StatusView = (typeof statusViews)[number];

export type TypeFilter = 'all' | 'comments' | 'pings';

export interface QueueFilter {
  view: ViewName;
  /** one site, or every connected site */
  siteId: string | null;
  /** `postKey()` of one post, or every post */
  post: string | null;
  type: TypeFilter;
  search: string;
}

export const initialFilter: QueueFilter = { view: 'hold', siteId: null, post: null, type: 'all', search: '' };

/** A comment's identity across sites. */
export const commentKey = (comment: Pick<CommentRow, 'siteId' | 'id'>): string => `${comment.siteId}\n${comment.id}`;
export const postKey = (siteId: string, post: number): string => `${siteId}\n${post}`;

export function parseCommentKey(key: string): { siteId: string; id: number } {
  const cut = key.lastIndexOf('\n');
  return { siteId: key.slice(0, cut), id: Number(key.slice(cut + 1)) };
}
/** A post key has the same shape as a comment key. */
export const parsePostKey: (key: string) => { siteId: string; id: number } = parseCommentKey;

export const isPing = (type: string): boolean => type === 'pingback' || type === 'trackback';
