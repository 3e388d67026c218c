/**
 * WordPress's authorize screen can still refuse after it opened: the user logs in there as an
 * account without Application Passwords, or a plugin objects. WordPress then shows its own error
 * page, whose "Go Back" link loses our callback (WordPress drops a `chrome-extension:` link), so
 * the user would be stuck there and Freigabe would wait forever. When a tab Freigabe opened for
 * this finishes loading the screen, the background asks for the same page: an error status means
 * the error page, and the tab goes to the callback page, which says why.
 */
import type { BackgroundContext } from '../context.ts';
import { callbackPage, pendingKey, tabKey } from './authorize.ts';

/** The text of WordPress's error page (`wp_die`): its message, without markup. */
export function wordpressErrorText(html: string): string {
  const message =
    /<div class="wp-die-message">([\s\S]*?)<\/div>/i.exec(html)?.[1] ??
    /<body[^>]*>([\s\S]*?)<\/body>/i.exec(html)?.[1] ??
    '';
  return message
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#8217;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 400);
}

export async function watchAuthorizeTab(
  ctx: BackgroundContext,
  tabId: number,
  change: { status?: string },
  tab: { url?: string },
): Promise<void> {
  if (change.status !== 'complete' || !tab.url || !URL.canParse(tab.url)) return;
  if (!new URL(tab.url).pathname.endsWith('/authorize-application.php')) return;
  const state = (await ctx.browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)];
  if (typeof state !== 'string') return;
  // Only the site Freigabe sent the tab to: a tab that went elsewhere is none of this sign-in's business.
  const pending = (await ctx.browser.storage.session.get(pendingKey(state)))[pendingKey(state)] as
    | { site?: { siteUrl?: string; authorizeEndpoint?: string | null } }
    | undefined;
  const screen = pending?.site?.authorizeEndpoint ?? pending?.site?.siteUrl;
  if (!screen || new URL(screen).origin !== new URL(tab.url).origin) return;
  let page: Response;
  try {
    page = await ctx.fetch(tab.url, { credentials: 'include', cache: 'no-store', redirect: 'manual' });
  } catch {
    // Offline or the tab moved on: the tab's next update looks again.
    return;
  }
  // The screen itself (200), or the way to the login (a redirect): nothing to do.
  if (page.type === 'opaqueredirect' || page.status < 400) return;
  const callback = new URL(ctx.browser.runtime.getURL(callbackPage));
  callback.searchParams.set('state', state);
  callback.searchParams.set('error', 'refused');
  callback.searchParams.set('wordpress', wordpressErrorText(await page.text()));
  await ctx.browser.tabs.update(tabId, { url: callback.href });
}
