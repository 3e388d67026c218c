/** The side panel's tab, followed while the panel is open (follow-tab.ts). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../shared/browser.ts';
import { type FollowedTab, followActiveTab } from './follow-tab.ts';

export function useFollowedTab(): FollowedTab {
  const [tab, setTab] = useState<FollowedTab>({ tabId: null, revision: 0 });
  useEffect(() => {
    const stop = new AbortController();
    followActiveTab(browser, setTab, stop.signal);
    return () => stop.abort();
  }, []);
  return tab;
}
