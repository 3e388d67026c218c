/**
 * Tells the articles open on a site that what they show changed (a decision, its outcome, a sync),
 * so their inline view asks again. Only the extension can message a content script: a page cannot
 * forge this, and it carries no data.
 */
import { changedMessageType } from '../../shared/inline-protocol.ts';
import { reportError } from '../../shared/report-error.ts';
import { updateBadges } from '../badge.ts';
import type { BackgroundContext } from '../context.ts';
import { allTabPages, type TabPage } from '../tab-state.ts';

export async function notifyTabs(
  ctx: BackgroundContext,
  siteId?: string,
  pages?: ReadonlyMap<number, TabPage>,
): Promise<void> {
  for (const [tabId, page] of pages ?? (await allTabPages(ctx))) {
    if (siteId !== undefined && page.siteId !== siteId) continue;
    if (page.postId === null) continue;
    try {
      await ctx.browser.tabs.sendMessage(tabId, { type: changedMessageType });
    } catch {
      // A tab without our script (closed, navigated) has nothing to be told.
    }
  }
}

interface Refresh {
  /** the sites whose articles are told; null: every site's */
  sites: Set<string> | null;
  done: Promise<void>;
  resolve: () => void;
}

/** Per background: the refresh running, and the one that gathers what changed meanwhile. */
const refreshes = new WeakMap<BackgroundContext, { running: boolean; next: Refresh | null }>();

/**
 * After the cache changed: the badge and the open articles follow. A burst of changes (a moderator
 * deciding key after key, a flush) refreshes at most twice: once now, once for everything that
 * changed while that ran — not once per change, each counting the pending comments and making every
 * open article ask again. Settles when a refresh that started after this call has ended; never
 * fails (a badge that cannot be set now is set by the next refresh).
 */
export function refreshViews(ctx: BackgroundContext, siteId?: string): Promise<void> {
  let state = refreshes.get(ctx);
  if (!state) {
    state = { running: false, next: null };
    refreshes.set(ctx, state);
  }
  if (!state.next) {
    let resolve!: () => void;
    const done = new Promise<void>((settle) => {
      resolve = settle;
    });
    state.next = { sites: new Set(), done, resolve };
  }
  const next = state.next;
  if (siteId === undefined) next.sites = null;
  else next.sites?.add(siteId);
  if (!state.running) void drain(ctx, state);
  return next.done;
}

async function drain(ctx: BackgroundContext, state: { running: boolean; next: Refresh | null }): Promise<void> {
  state.running = true;
  for (let job = state.next; job; job = state.next) {
    state.next = null;
    try {
      // The tabs' articles, read once for the badge and every site's articles.
      const pages = await allTabPages(ctx);
      await updateBadges(ctx, pages);
      if (job.sites === null) await notifyTabs(ctx, undefined, pages);
      else for (const siteId of job.sites) await notifyTabs(ctx, siteId, pages);
    } catch (error) {
      // The next change refreshes again; this one is reported.
      reportError(error, { where: 'background: tell open articles' });
    } finally {
      job.resolve();
    }
  }
  state.running = false;
}
