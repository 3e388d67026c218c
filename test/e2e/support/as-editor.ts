/**
 * Chromium with the extension as the on-page tests need it: the editor logged in to WordPress (the
 * article shows what a logged-in editor sees), the site connected by Application Password, a short
 * undo window and no notifications.
 */

import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchPrepared,
  launchWithExtension,
  logInInNewTab,
  writeSettings,
} from '../../../scripts/extension-browser.ts';
import type { DemoSiteUser } from '../../../scripts/wp/index.ts';

export async function launchAsEditor(
  url: string,
  editor: Pick<DemoSiteUser, 'login' | 'password' | 'applicationPassword'>,
  undoWindowSeconds: number,
  { extensionDir }: { extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  return launchPrepared(
    () => launchWithExtension(extensionDir === undefined ? {} : { extensionDir }),
    async (browser) => {
      await logInInNewTab(browser, url, editor);
      await connectWithApplicationPassword(browser, url, editor.login, editor.applicationPassword);
      await writeSettings(browser.worker, { undoWindowSeconds, syncIntervalMinutes: 2, notifyNewPending: false });
    },
  );
}
