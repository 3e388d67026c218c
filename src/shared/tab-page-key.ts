/**
 * Where storage.session keeps the article a tab shows (written by the background's tab-state.ts,
 * read by the side panel to follow the tab it shows; content scripts cannot read storage.session).
 */
export const tabPagePrefix = 'tab:';
export const tabPageKey = (tabId: number): string => `${tabPagePrefix}${tabId}`;
