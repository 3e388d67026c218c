/**
 * The optional notification of new pending comments: off unless the user turns it on in the
 * options, which also asks for the optional `notifications` permission. One notification per site
 * and sync ("3 new comments on …"); clicking it opens the queue in a tab.
 */
import type { SiteRow } from '../shared/db/index.ts';
import type { MessageKey } from '../shared/i18n.ts';
import { readSettings } from '../shared/settings.ts';
import type { BackgroundContext } from './context.ts';

export const newPendingNotification = 'freigabe-new-pending:';
export const queuePage = 'src/popup/index.html';

/** Shows the notification if the user wants it and the permission is granted; answers whether it did. */
export async function notifyNewPending(ctx: BackgroundContext, site: SiteRow, count: number): Promise<boolean> {
  if (count <= 0 || !(await readSettings(ctx.db)).notifyNewPending) return false;
  // The permission is optional: without it (never granted, or taken back) the API is missing.
  const notifications = ctx.browser.notifications;
  if (!notifications || !(await ctx.browser.permissions.contains({ permissions: ['notifications'] }))) return false;
  await notifications.create(`${newPendingNotification}${site.id}`, {
    type: 'basic',
    iconUrl: ctx.browser.runtime.getURL('icons/icon-128.png'),
    title: site.name,
    message:
      count === 1
        ? message(ctx, 'notifyNewPendingOne', [site.name])
        : message(ctx, 'notifyNewPendingMany', [String(count), site.name]),
  });
  return true;
}

/** Through the context's browser (the sync also runs outside an extension: benchmarks, tests). */
function message(ctx: BackgroundContext, key: MessageKey, substitutions: string[]): string {
  return ctx.browser.i18n.getMessage(key, substitutions) || key;
}

/** A click on our notification opens the queue in a tab and closes the notification. */
export async function openFromNotification(ctx: BackgroundContext, notificationId: string): Promise<void> {
  if (!notificationId.startsWith(newPendingNotification)) return;
  await ctx.browser.tabs.create({ url: ctx.browser.runtime.getURL(queuePage) });
  await ctx.browser.notifications?.clear(notificationId);
}
