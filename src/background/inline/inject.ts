/**
 * The inline view (Preact, DOMPurify, its components) is not part of the content script that runs
 * on every page of a connected site: the background injects it into an article's tab once the
 * content script reported one. Injected files need no web-accessible resource, so no page can
 * probe for them.
 */

import { reportError } from '../../shared/report-error.ts';
import type { BackgroundContext } from '../context.ts';

export async function injectInlineView(ctx: BackgroundContext, tabId: number): Promise<void> {
  try {
    await ctx.browser.scripting.executeScript({ target: { tabId }, files: [ctx.inlineScriptFile] });
  } catch (error) {
    // Mostly the tab navigated away or closed meanwhile (the next page reports again): kept, not printed.
    reportError(error, { where: 'background: inject the inline view', silent: true });
  }
}
