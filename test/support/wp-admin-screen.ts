/**
 * wp-admin's comment list, driven the way its own JavaScript drives it: a login cookie from
 * wp-login.php, the row's nonce read from edit-comments.php, and the AJAX request its "Spam" /
 * "Not Spam" links send (admin-ajax.php `action=delete-comment` with `spam=1` / `unspam=1`). The
 * tests' reference for what WordPress and its plugins do on a moderator's own action.
 */
import type { DemoSiteUser, SiteInfo } from '../../scripts/wp/index.ts';

async function logIn(wp: SiteInfo, account: Pick<DemoSiteUser, 'login' | 'password'>): Promise<string> {
  const response = await fetch(`${wp.url}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
    },
    body: new URLSearchParams({ log: account.login, pwd: account.password, 'wp-submit': 'Log In', testcookie: '1' }),
  });
  if (response.status !== 302) throw new Error(`wp-login.php answered HTTP ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((cookie) => !cookie.endsWith('=deleted') && !cookie.endsWith('='))
    .join('; ');
}

export async function commentScreen(wp: SiteInfo, account: Pick<DemoSiteUser, 'login' | 'password'>) {
  const cookies = await logIn(wp, account);

  /** The nonce the list screen prints into a comment's row actions (delete-comment_<id>). */
  async function rowNonce(id: number, view: 'moderated' | 'spam'): Promise<string> {
    const response = await fetch(`${wp.url}/wp-admin/edit-comments.php?comment_status=${view}`, {
      headers: { Cookie: cookies },
    });
    const html = await response.text();
    const action = view === 'spam' ? 'unspamcomment' : 'spamcomment';
    // The link's parameters come in another order in older WordPress (6.1: c, action, _wpnonce).
    for (const [, query = ''] of html.matchAll(/href=["'][^"']*comment\.php\?([^"']+)["']/g)) {
      const params = new URLSearchParams(query.replace(/&(?:amp|#038);/g, '&'));
      if (params.get('c') === String(id) && params.get('action') === action && params.get('_wpnonce'))
        return params.get('_wpnonce') as string;
    }
    throw new Error(`no ${action} link for comment ${id} in wp-admin's ${view} list`);
  }

  async function rowAction(id: number, view: 'moderated' | 'spam', flag: 'spam' | 'unspam'): Promise<void> {
    const nonce = await rowNonce(id, view);
    const response = await fetch(`${wp.url}/wp-admin/admin-ajax.php`, {
      method: 'POST',
      headers: { Cookie: cookies, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'delete-comment', id: String(id), _ajax_nonce: nonce, [flag]: '1' }),
    });
    const body = await response.text();
    if (!response.ok || !body.includes('<wp_ajax>')) {
      throw new Error(`admin-ajax delete-comment ${flag}=1 failed: HTTP ${response.status} ${body.slice(0, 200)}`);
    }
  }

  return {
    /** "Spam" under a pending comment in the Pending view. */
    spam: (id: number) => rowAction(id, 'moderated', 'spam'),
    /** "Not Spam" under a comment in the Spam view. */
    notSpam: (id: number) => rowAction(id, 'spam', 'unspam'),
  };
}
