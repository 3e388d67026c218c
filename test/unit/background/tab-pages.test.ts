/**
 * Every tab's article, read on every refresh of the badges: where the browser lists storage keys,
 * only the tabs' keys are read — not the popup's first screen beside them (up to 200 kB of comment
 * HTML); where it cannot (Firefox for Android before 143), the whole area as before. Same answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allTabPages, setTabPage } from '../../../src/background/tab-state.ts';
import { testContext } from '../../support/background-context.ts';
import { fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';

const snapshot = { firstScreen: { rows: ['<p>a long comment</p>'.repeat(1000)] } };

beforeEach(resetFakeBrowser);
afterEach(() => vi.restoreAllMocks());

async function twoTabsAndASnapshot() {
  const ctx = testContext();
  await fakeBrowser.storage.session.set(snapshot);
  await setTabPage(ctx, 5, { siteId: 'https://blog.example/wp-json/', postId: 1 });
  await setTabPage(ctx, 9, { siteId: 'https://blog.example/wp-json/', postId: null });
  return ctx;
}

describe("every tab's article", () => {
  it('reads only the tabs’ keys where the browser lists keys', async () => {
    const ctx = await twoTabsAndASnapshot();
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    const pages = await allTabPages(ctx);
    expect([...pages.keys()].sort()).toEqual([5, 9]);
    expect(pages.get(5)?.postId).toBe(1);
    expect(get.mock.calls.map(([keys]) => keys)).toEqual([['tab:5', 'tab:9']]);
  });

  it('reads the whole area where it cannot, with the same answer', async () => {
    const ctx = await twoTabsAndASnapshot();
    const { session } = fakeBrowser.storage;
    const getKeys = session.getKeys;
    // As in Firefox for Android before 143.
    Object.assign(session, { getKeys: undefined });
    try {
      const get = vi.spyOn(session, 'get');
      const pages = await allTabPages(ctx);
      expect([...pages.keys()].sort()).toEqual([5, 9]);
      expect(pages.get(9)?.postId).toBeNull();
      expect(get.mock.calls.map(([keys]) => keys)).toEqual([null]);
    } finally {
      Object.assign(session, { getKeys });
    }
  });
});
