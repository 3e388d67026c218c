/**
 * The authorize tab watch (the real WordPress refusing is in test/integration/connect-app-passwords):
 * only a tab Freigabe opened, on the site it opened it for, showing an error page, is brought back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { pendingKey, tabKey } from '../../../src/background/sites/authorize.ts';
import { watchAuthorizeTab } from '../../../src/background/sites/authorize-watch.ts';
import { testContext } from '../../support/background-context.ts';
import { fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';

const state = 'ab'.repeat(24);
const screen = 'https://blog.example/wp-admin/authorize-application.php';
const errorPage = async () =>
  new Response(
    '<body id="error-page"><div class="wp-die-message">Application passwords are not available.</div></body>',
    {
      status: 501,
    },
  );

async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  const tabId = tab.id ?? -1;
  await fakeBrowser.storage.session.set({
    [pendingKey(state)]: { site: { siteUrl: 'https://blog.example', authorizeEndpoint: screen }, createdAt: 0, tabId },
    [tabKey(tabId)]: state,
  });
  return tabId;
}

beforeEach(() => resetFakeBrowser());

describe('watchAuthorizeTab', () => {
  it('sends the tab showing WordPress’s error page to the callback page, with WordPress’s words', async () => {
    const tabId = await openTab(`${screen}?app_name=x`);
    await watchAuthorizeTab(
      testContext({ fetch: errorPage }),
      tabId,
      { status: 'complete' },
      { url: `${screen}?app_name=x` },
    );
    const url = new URL((await fakeBrowser.tabs.get(tabId))?.url ?? '');
    expect(url.pathname).toBe('/src/connect/callback.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      state,
      error: 'refused',
      wordpress: 'Application passwords are not available.',
    });
  });

  it('leaves alone a tab it did not open, one that went to another site, and one still loading', async () => {
    const other = 'https://elsewhere.example/wp-admin/authorize-application.php';
    const tabId = await openTab(other);
    const ctx = testContext({ fetch: errorPage });
    await watchAuthorizeTab(ctx, tabId, { status: 'complete' }, { url: other });
    await watchAuthorizeTab(ctx, tabId, { status: 'loading' }, { url: screen });
    const stranger = (await fakeBrowser.tabs.create({ url: screen })).id ?? -1;
    await watchAuthorizeTab(ctx, stranger, { status: 'complete' }, { url: screen });
    expect((await fakeBrowser.tabs.get(tabId))?.url).toBe(other);
    expect((await fakeBrowser.tabs.get(stranger))?.url).toBe(screen);
  });
});
