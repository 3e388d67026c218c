/**
 * What the toolbar button opens follows the setting: Chrome's side panel is switched on and the
 * popup taken away (a popup would win over the panel), and back; Firefox's sidebar opens on the
 * click. The real Chromium's answer is checked in test/e2e/side-panel.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { applyQueueFrame, openPanelOnClick } from '../../../src/background/queue-frame.ts';
import { saveSettings } from '../../../src/shared/settings.ts';
import { testContext } from '../../support/background-context.ts';

function chromeLike() {
  const setPopup = vi.fn(async (_details: { popup: string }) => undefined);
  const setPanelBehavior = vi.fn(async (_behavior: { openPanelOnActionClick: boolean }) => undefined);
  const browser = {
    action: { setPopup },
    runtime: { getManifest: () => ({ action: { default_popup: 'src/popup/index.html' } }) },
    sidePanel: { setPanelBehavior },
  } as unknown as Browser;
  return { browser, setPopup, setPanelBehavior };
}

describe('what the toolbar button opens', () => {
  it('the popup by default; the side panel once chosen, and the popup again when chosen back', async () => {
    const chrome = chromeLike();
    const ctx = testContext({ browser: chrome.browser });
    expect(await applyQueueFrame(ctx)).toBe('popup');
    expect(chrome.setPopup).toHaveBeenLastCalledWith({ popup: 'src/popup/index.html' });
    expect(chrome.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: false });

    await saveSettings(ctx.db, { queueOpensIn: 'panel' });
    expect(await applyQueueFrame(ctx)).toBe('panel');
    expect(chrome.setPopup).toHaveBeenLastCalledWith({ popup: '' });
    expect(chrome.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: true });

    await saveSettings(ctx.db, { queueOpensIn: 'popup' });
    await applyQueueFrame(ctx);
    expect(chrome.setPopup).toHaveBeenLastCalledWith({ popup: 'src/popup/index.html' });
    expect(chrome.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: false });
  });

  it('without Chrome’s sidePanel (Firefox) only the popup is switched, and the click toggles the sidebar', async () => {
    const setPopup = vi.fn(async () => undefined);
    const toggle = vi.fn(async () => undefined);
    const browser = {
      action: { setPopup },
      runtime: { getManifest: () => ({ action: { default_popup: 'src/popup/index.html' } }) },
      sidebarAction: { toggle },
    } as unknown as Browser;
    const ctx = testContext({ browser });
    await saveSettings(ctx.db, { queueOpensIn: 'panel' });
    await applyQueueFrame(ctx);
    expect(setPopup).toHaveBeenLastCalledWith({ popup: '' });
    openPanelOnClick(ctx);
    expect(toggle).toHaveBeenCalledTimes(1);
    // Chrome opens its panel itself: the click handler has nothing to do there.
    expect(() => openPanelOnClick(testContext({ browser: chromeLike().browser }))).not.toThrow();
  });

  it('where there is no panel at all (Firefox for Android), the button keeps its popup whatever was chosen', async () => {
    const setPopup = vi.fn(async () => undefined);
    const browser = {
      action: { setPopup },
      runtime: { getManifest: () => ({ action: { default_popup: 'src/popup/index.html' } }) },
    } as unknown as Browser;
    const ctx = testContext({ browser });
    await saveSettings(ctx.db, { queueOpensIn: 'panel' });
    expect(await applyQueueFrame(ctx)).toBe('popup');
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'src/popup/index.html' });
  });
});
