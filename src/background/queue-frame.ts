/**
 * What the toolbar button opens, as the user chose in the options (ADR 024): the popup, or the
 * same queue as a side panel that stays open while they read. Chrome opens its side panel itself
 * once told to (`sidePanel.setPanelBehavior`); Firefox has no such switch, so there the button's
 * click opens the sidebar (`sidebarAction` may only be opened from a user's action).
 * A popup set on the button always wins over both, so the panel choice also takes the popup away.
 */
import { hasQueuePanel } from '../shared/queue-panel.ts';
import { readSettings } from '../shared/settings.ts';
import type { BackgroundContext } from './context.ts';

/** The part of Chrome's `chrome.sidePanel` used here (webextension-polyfill does not type it). */
interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

type Frame = 'popup' | 'panel';

function sidePanelOf(ctx: BackgroundContext): SidePanelApi | undefined {
  return (ctx.browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
}

/** The popup the manifest names: restored when the user goes back from the panel. */
function manifestPopup(ctx: BackgroundContext): string {
  return ctx.browser.runtime.getManifest().action?.default_popup ?? '';
}

/**
 * Applied when the worker starts and whenever the settings change; cheap and idempotent. Where
 * there is no panel, the popup stays whatever the setting says: the button must open something.
 */
export async function applyQueueFrame(ctx: BackgroundContext): Promise<Frame> {
  const { queueOpensIn } = await readSettings(ctx.db);
  const frame = queueOpensIn === 'panel' && hasQueuePanel(ctx.browser) ? 'panel' : 'popup';
  await ctx.browser.action.setPopup({ popup: frame === 'panel' ? '' : manifestPopup(ctx) });
  await sidePanelOf(ctx)?.setPanelBehavior({ openPanelOnActionClick: frame === 'panel' });
  return frame;
}

/**
 * The button was clicked with no popup set: only when the panel is chosen. Chrome opens its panel
 * without this event; Firefox needs the sidebar opened here, synchronously in the user's click.
 */
export function openPanelOnClick(ctx: BackgroundContext): void {
  const sidebar = (ctx.browser as Partial<Pick<typeof ctx.browser, 'sidebarAction'>>).sidebarAction;
  if (sidebar) void sidebar.toggle();
}
