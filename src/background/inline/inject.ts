/**
 * The inline view (Preact, DOMPurify, its components) is not part of the content script that runs
 * on every page of a connected site: the background injects it into an article's tab once the
 * content script reported one. Injected files need no web-accessible resource, so no page can
 * probe for them.
 */
import type { BackgroundContext } from '../context.ts';

export async function injectInlineView(ctx: BackgroundContext, tabId: number): Promise<void> {
  try {
    await ctx.browser.scripting.executeScript({ target: { tabId }, files: [ctx.inlineScriptFile] });
  } catch (error) {
    // The tab navigated away or closed meanwhile; the next page reports again.
    console.warn('Freigabe: could not show the inline view', error);
  }
}
