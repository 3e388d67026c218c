/**
 * Which article each tab shows, kept in storage.session: it survives the service worker's restarts
 * (memory does not) and content scripts cannot read it.
 */
import { tabPageKey as key, tabPagePrefix } from '../shared/tab-page-key.ts';
import type { BackgroundContext } from './context.ts';

export interface TabPage {
  siteId: string;
  postId: number | null;
  /** the article's WordPress link the tab's URL was verified against (inline/verified-article.ts) */
  link?: string;
}

export async function setTabPage(ctx: BackgroundContext, tabId: number, page: TabPage | null): Promise<void> {
  if (page === null) await ctx.browser.storage.session.remove(key(tabId));
  else await ctx.browser.storage.session.set({ [key(tabId)]: page });
}

/** The article one tab shows: its own key only (storage.session also holds the popup's first screen). */
export async function tabPage(ctx: BackgroundContext, tabId: number): Promise<TabPage | null> {
  const stored = await ctx.browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabPage | undefined) ?? null;
}

/**
 * Every tab's article. Only the tabs' keys are read where the browser lists keys (Chrome 130+,
 * Firefox 143+): the area also holds the popup's first screen, up to 200 kB of comment HTML, and
 * this runs on every refresh of the badges — once per decision while a moderator decides key
 * after key.
 */
export async function allTabPages(ctx: BackgroundContext): Promise<Map<number, TabPage>> {
  const { session } = ctx.browser.storage;
  const names =
    typeof session.getKeys === 'function'
      ? (await session.getKeys()).filter((name) => name.startsWith(tabPagePrefix))
      : null;
  const everything = names === null ? await session.get(null) : names.length > 0 ? await session.get(names) : {};
  const pages = new Map<number, TabPage>();
  for (const [name, value] of Object.entries(everything)) {
    if (name.startsWith(tabPagePrefix)) pages.set(Number(name.slice(tabPagePrefix.length)), value as TabPage);
  }
  return pages;
}
