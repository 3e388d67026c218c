/** A tab was focused: its badge applies now, and a connected site it shows gets a sync if one is due. */
import { updateBadges } from './badge.ts';
import type { BackgroundContext } from './context.ts';
import { syncIfStale } from './sync/schedule.ts';
import { tabPage } from './tab-state.ts';

export async function onTabFocused(ctx: BackgroundContext, tabId: number): Promise<void> {
  await updateBadges(ctx);
  const page = await tabPage(ctx, tabId);
  // Counted again only when a sync ran.
  if (page && (await syncIfStale(ctx, page.siteId))) await updateBadges(ctx);
}
