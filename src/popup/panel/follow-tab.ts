/**
 * The tab a side panel follows: the active tab of the panel's window, re-read when the user
 * switches tabs (`tabs.onActivated`), when the tab loads another page (`tabs.onUpdated`) and when
 * its content script has reported which article it shows (the background writes that to
 * storage.session, which extension pages can read and content scripts cannot). Each change bumps
 * `revision`, so the caller probes the tab again. Extension pages are not followed: a panel opened
 * as a tab (tests, or a user who pins it) keeps following the page the user came from.
 */
import type { Browser, Tabs } from 'webextension-polyfill';
import { reportError } from '../../shared/report-error.ts';
import { tabPageKey } from '../../shared/tab-page-key.ts';

export interface FollowedTab {
  tabId: number | null;
  revision: number;
}

type FollowBrowser = Pick<Browser, 'tabs' | 'windows' | 'storage' | 'runtime'>;

export function followActiveTab(
  browser: FollowBrowser,
  onChange: (tab: FollowedTab) => void,
  signal: AbortSignal,
): void {
  let followed: FollowedTab = { tabId: null, revision: 0 };
  let windowId: number | undefined;
  let ownTabId: number | undefined;
  const extensionRoot = browser.runtime.getURL('');

  const isOwnPage = (tab: Tabs.Tab) =>
    tab.id === ownTabId || (tab.url ?? tab.pendingUrl ?? '').startsWith(extensionRoot);
  const emit = (tabId: number | null) => {
    if (signal.aborted) return;
    followed = { tabId, revision: followed.revision + 1 };
    onChange(followed);
  };
  const follow = (tab: Tabs.Tab | undefined) => {
    if (tab?.id === undefined || isOwnPage(tab)) return;
    emit(tab.id);
  };

  const activated = ({ tabId, windowId: where }: Tabs.OnActivatedActiveInfoType) => {
    if (where !== windowId) return;
    browser.tabs.get(tabId).then(follow, () => undefined);
  };
  const updated = (tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
    if (tabId === followed.tabId && (change.status === 'complete' || change.url !== undefined)) emit(tabId);
  };
  const removed = (tabId: number) => {
    if (tabId === followed.tabId) emit(null);
  };
  const stored = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && followed.tabId !== null && tabPageKey(followed.tabId) in changes) emit(followed.tabId);
  };

  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  browser.tabs.onRemoved.addListener(removed);
  browser.storage.onChanged.addListener(stored);
  signal.addEventListener('abort', () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
    browser.tabs.onRemoved.removeListener(removed);
    browser.storage.onChanged.removeListener(stored);
  });

  void (async () => {
    // In a side panel there is no tab of its own (undefined); opened as a page, there is.
    ownTabId = (await browser.tabs.getCurrent().catch(() => undefined))?.id;
    windowId = (await browser.windows.getCurrent()).id;
    const [active] = await browser.tabs.query({ active: true, windowId });
    follow(active);
  })().catch((error: unknown) => reportError(error, { where: 'side panel: follow the active tab' }));
}
