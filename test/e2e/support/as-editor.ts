/**
 * Chromium with the extension as the on-page tests need it: the editor logged in to WordPress (the
 * article shows what a logged-in editor sees), the site connected by Application Password, a short
 * undo window and no notifications.
 */

import { withDeadline } from '../../../scripts/deadline.ts';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchPrepared,
  launchWithExtension,
  logInToWordPress,
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
      const page = await withDeadline('opening a tab', 30_000, browser.context.newPage());
      await logInToWordPress(page, url, editor.login, editor.password);
      await withDeadline('closing the tab', 30_000, page.close());
      await connectWithApplicationPassword(browser, url, editor.login, editor.applicationPassword);
      await writeSettings(browser.worker, { undoWindowSeconds, syncIntervalMinutes: 2, notifyNewPending: false });
    },
  );
}
