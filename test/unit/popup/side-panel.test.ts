/**
 * The side panel's pure parts (ADR 024): the article in front of the user first, and which tab the
 * panel follows — switched tabs of its own window only, never its own page, probed again when the
 * tab loads a page or its content script reports the article. The real browsers:
 * test/e2e/side-panel.test.ts, test/e2e/firefox-side-panel.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { type FollowedTab, followActiveTab } from '../../../src/popup/panel/follow-tab.ts';
import { articleFirst } from '../../../src/popup/queue/filter.ts';
import { postKey } from '../../../src/popup/queue/views.ts';
import type { CommentRow } from '../../../src/shared/db/index.ts';

const row = (siteId: string, post: number, id: number) => ({ siteId, post, id }) as CommentRow;

describe('the article in front of the user first', () => {
  it('moves its comments ahead and keeps both parts in their order', () => {
    const rows = [row('a', 1, 10), row('a', 2, 9), row('b', 2, 8), row('a', 2, 7), row('a', 3, 6)];
    expect(articleFirst(rows, postKey('a', 2)).map((r) => r.id)).toEqual([9, 7, 10, 8, 6]);
    // The same post id on another site is another article.
    expect(articleFirst(rows, postKey('b', 2)).map((r) => r.id)).toEqual([8, 10, 9, 7, 6]);
  });

  it('leaves the list as it is without an article, or when nothing (or everything) is on it', () => {
    const rows = [row('a', 1, 2), row('a', 1, 1)];
    expect(articleFirst(rows, null)).toBe(rows);
    expect(articleFirst(rows, postKey('a', 5))).toBe(rows);
    expect(articleFirst(rows, postKey('a', 1))).toBe(rows);
  });
});

type Listener = (...args: never[]) => void;
function event() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
    fire: (...args: unknown[]) => {
      for (const listener of listeners) (listener as (...a: unknown[]) => void)(...args);
    },
    size: () => listeners.size,
  };
}

function fakePanelBrowser(ownTab: number | undefined) {
  const tabs = new Map([
    [1, { id: 1, windowId: 7, url: 'https://blog.example/eins/', active: true }],
    [2, { id: 2, windowId: 7, url: 'https://blog.example/zwei/', active: false }],
    [3, { id: 3, windowId: 7, url: 'moz-extension://freigabe/src/popup/sidepanel.html', active: false }],
    [4, { id: 4, windowId: 8, url: 'https://elsewhere.example/', active: true }],
  ]);
  const events = {
    onActivated: event(),
    onUpdated: event(),
    onRemoved: event(),
    storageChanged: event(),
  };
  const browser = {
    runtime: { getURL: (path: string) => `moz-extension://freigabe/${path}` },
    windows: { getCurrent: async () => ({ id: 7 }) },
    tabs: {
      getCurrent: async () => (ownTab === undefined ? undefined : tabs.get(ownTab)),
      get: async (id: number) => tabs.get(id),
      query: async ({ windowId }: { windowId: number }) =>
        [...tabs.values()].filter((tab) => tab.windowId === windowId && tab.active),
      onActivated: events.onActivated,
      onUpdated: events.onUpdated,
      onRemoved: events.onRemoved,
    },
    storage: { onChanged: events.storageChanged },
  } as unknown as Browser;
  return { browser, events };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the tab the side panel follows', () => {
  it('starts with the active tab of its window and follows switches there, not in other windows or to itself', async () => {
    const { browser, events } = fakePanelBrowser(3);
    const seen: FollowedTab[] = [];
    const stop = new AbortController();
    followActiveTab(browser, (tab) => seen.push(tab), stop.signal);
    await settle();
    expect(seen.at(-1)).toEqual({ tabId: 1, revision: 1 });

    events.onActivated.fire({ tabId: 2, windowId: 7 });
    await settle();
    expect(seen.at(-1)).toEqual({ tabId: 2, revision: 2 });
    // Another window, and the panel's own tab: still the article the user came from.
    events.onActivated.fire({ tabId: 4, windowId: 8 });
    events.onActivated.fire({ tabId: 3, windowId: 7 });
    await settle();
    expect(seen).toHaveLength(2);

    // A page loaded in the followed tab, or its article reported: probe again (a new revision).
    events.onUpdated.fire(2, { status: 'loading' });
    events.onUpdated.fire(1, { status: 'complete' });
    expect(seen).toHaveLength(2);
    events.onUpdated.fire(2, { status: 'complete' });
    expect(seen.at(-1)).toEqual({ tabId: 2, revision: 3 });
    events.storageChanged.fire({ 'tab:1': { newValue: {} } }, 'session');
    events.storageChanged.fire({ 'tab:2': { newValue: {} } }, 'local');
    expect(seen).toHaveLength(3);
    events.storageChanged.fire({ 'tab:2': { newValue: { siteId: 's', postId: 5 } } }, 'session');
    expect(seen.at(-1)).toEqual({ tabId: 2, revision: 4 });

    // The followed tab closes: nothing followed.
    events.onRemoved.fire(2);
    expect(seen.at(-1)).toEqual({ tabId: null, revision: 5 });

    stop.abort();
    expect(events.onActivated.size() + events.onUpdated.size() + events.storageChanged.size()).toBe(0);
  });

  it('in a real side panel (no tab of its own) it follows the active tab too', async () => {
    const { browser } = fakePanelBrowser(undefined);
    const seen: FollowedTab[] = [];
    followActiveTab(browser, (tab) => seen.push(tab), new AbortController().signal);
    await settle();
    expect(seen).toEqual([{ tabId: 1, revision: 1 }]);
  });
});
