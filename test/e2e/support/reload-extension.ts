/**
 * An extension update as Chromium applies it: the build in the unpacked directory is replaced and
 * the extension reloaded — through chrome://extensions' own Reload in developer mode (a plain
 * runtime.reload() leaves an extension loaded from the command line disabled; ADR 019). Answers
 * once the new build's pages load.
 */
import type { ExtensionBrowser } from '../../../scripts/extension-browser.ts';

/** The part of chrome://extensions' private API used here. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
  reload(id: string, options: { failQuietly: boolean }, done: () => void): void;
}

export async function reloadExtension(browser: ExtensionBrowser, timeoutMs = 30_000): Promise<void> {
  const extensionsPage = await browser.context.newPage();
  await extensionsPage.goto('chrome://extensions/');
  await extensionsPage.evaluate(async (id) => {
    const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
    await new Promise<void>((done) => api.updateProfileConfiguration({ inDeveloperMode: true }, done));
    await new Promise<void>((done) => api.reload(id, { failQuietly: true }, done));
  }, browser.extensionId);
  await extensionsPage.close();
  // The new build is up when its pages load again.
  const probe = await browser.context.newPage();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await probe.goto(browser.extensionUrl('src/options/index.html'));
      if ((await probe.evaluate(() => chrome.runtime.id)) === browser.extensionId) break;
    } catch {
      // Not back yet.
    }
    if (Date.now() > deadline) throw new Error('the extension did not come back after the reload');
    await new Promise((wait) => setTimeout(wait, 500));
  }
  await probe.close();
}
