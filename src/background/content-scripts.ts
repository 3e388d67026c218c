/**
 * The content script runs only on connected sites: registered per origin at connect time
 * (persisted across browser restarts), never through a manifest-wide match. Sites that share an
 * origin (a multisite's main site and sub-sites) share its one registration; the background tells
 * their pages apart by path (sites/site-of-page.ts), and disconnecting one keeps it for the others.
 */
import type { BackgroundContext } from './context.ts';
import { originPattern } from './sites/permission.ts';

export function scriptIdFor(origin: string): string {
  return `freigabe:${originPattern(origin)}`;
}

export async function registerContentScript(ctx: BackgroundContext, origin: string): Promise<void> {
  const id = scriptIdFor(origin);
  const { scripting } = ctx.browser;
  const existing = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  try {
    await scripting.registerContentScripts([
      {
        id,
        matches: [originPattern(origin)],
        js: [ctx.contentScriptFile],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } catch (error) {
    // Two sites of one origin connected at the same moment: the other registration won, and serves both.
    if ((await scripting.getRegisteredContentScripts({ ids: [id] })).length === 0) throw error;
  }
}

/**
 * Re-registers the scripts of all connected sites where they were lost, and points them at the
 * current build's file after an update (file names change between builds).
 */
export async function restoreContentScripts(ctx: BackgroundContext): Promise<void> {
  const { scripting } = ctx.browser;
  const registered = new Map((await scripting.getRegisteredContentScripts()).map((script) => [script.id, script]));
  for (const site of await ctx.db.sites.toArray()) {
    const script = registered.get(scriptIdFor(site.origin));
    if (!script) await registerContentScript(ctx, site.origin);
    else if (script.js?.[0] !== ctx.contentScriptFile) {
      await scripting.updateContentScripts([{ id: script.id, js: [ctx.contentScriptFile] }]);
    }
  }
}

export async function unregisterContentScript(ctx: BackgroundContext, origin: string): Promise<void> {
  const id = scriptIdFor(origin);
  const existing = await ctx.browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await ctx.browser.scripting.unregisterContentScripts({ ids: [id] });
}
