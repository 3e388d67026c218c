/**
 * The queue's views as both sides name them: the popup lists the cached comments of one view, and
 * the background's server search asks WordPress for the same ones.
 */
import type { MessageKey } from './i18n.ts';

export const viewNames = ['hold', 'approved', 'spam', 'trash', 'mine'] as const;
export type ViewName = (typeof viewNames)[number];

/** "Mine": reactions to my own posts that readers can see or that wait for me. */
export const mineStatuses: readonly string[] = ['hold', 'approved'];

/** Whether a cached comment of this status belongs in the view ("Mine" also needs the post to be mine). */
export const statusInView = (view: ViewName, status: string): boolean =>
  view === 'mine' ? mineStatuses.includes(status) : status === view;

/** Each view's name for the user; a comment status is named by its view. */
export const viewLabelKeys: Record<ViewName, MessageKey> = {
  hold: 'viewPending',
  approved: 'viewApproved',
  spam: 'viewSpam',
  trash: 'viewTrash',
  mine: 'viewMine',
};

/** The user's word for a comment status (undefined: one no view shows, e.g. a plugin's own). */
export function statusLabelKey(status: string): MessageKey | undefined {
  return status !== 'mine' && Object.hasOwn(viewLabelKeys, status) ? viewLabelKeys[status as ViewName] : undefined;
}
