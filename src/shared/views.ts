/**
 * The queue's views as both sides name them: the popup lists the cached comments of one view, and
 * the background's server search asks WordPress for the same ones.
 */
export const viewNames = ['hold', 'approved', 'spam', 'trash', 'mine'] as const;
export type ViewName = (typeof viewNames)[number];

/** "Mine": reactions to my own posts that readers can see or that wait for me. */
export const mineStatuses: readonly string[] = ['hold', 'approved'];

/** Whether a cached comment of this status belongs in the view ("Mine" also needs the post to be mine). */
export const statusInView = (view: ViewName, status: string): boolean =>
  view === 'mine' ? mineStatuses.includes(status) : status === view;
