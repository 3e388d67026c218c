/**
 * The inline view (Preact, DOMPurify, its components) is not part of the content script that runs
 * on every page of a connected site: the background injects it into an article's tab once the
 * content script reported one. Injected files need no web-accessible resource, so no page can
 * probe for them.
 */

import { reportError } from '../../shared/report-error.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';

export async function injectInlineView(ctx: BackgroundContext, tabId: number): Promise<void> {
  try {
    await ctx.browser.scripting.executeScript({ target: { tabId }, files: [ctx.inlineScriptFile] });
  } catch (error) {
    // Mostly the tab navigated away or closed meanwhile (the next page reports again): kept, not printed.
    reportError(error, { where: 'background: inject the inline view', silent: true });
  }
}

/**
 * A part of the inline view kept out of its file (the block form, the reactions overview; ADR 030),
 * injected into the article's tab the first time it is opened there. Refused where the build has
 * none (tests without a build).
 */
export async function injectPart(
  ctx: BackgroundContext,
  tabId: number,
  file: string | undefined,
): Promise<{ loaded: true }> {
  if (!file) throw new ReplyError('part_missing', 'This part of the inline view is not in this build.');
  await ctx.browser.scripting.executeScript({ target: { tabId }, files: [file] });
  return { loaded: true };
}
