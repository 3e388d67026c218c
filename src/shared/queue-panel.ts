/**
 * Whether this browser has a panel for the queue: Chrome's side panel or Firefox's sidebar.
 * Firefox for Android has neither; there the toolbar button keeps its popup (ADR 024).
 */
export function hasQueuePanel(browser: object): boolean {
  const apis = browser as { sidePanel?: unknown; sidebarAction?: unknown };
  return apis.sidePanel !== undefined || apis.sidebarAction !== undefined;
}
