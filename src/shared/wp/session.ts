/**
 * Signing in with the browser's own WordPress session: the login cookie counts for the REST API
 * only together with a `wp_rest` nonce, which a logged-in session gets from admin-ajax.php.
 */
export function adminAjaxNonceUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/wp-admin/admin-ajax.php?action=rest-nonce`;
}

/** A fresh `wp_rest` nonce, or null when the browser is not logged in to the site. */
export async function fetchRestNonce(
  siteUrl: string,
  { fetch: doFetch = globalThis.fetch.bind(globalThis), signal }: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<string | null> {
  const timeout = AbortSignal.timeout(15000);
  const response = await doFetch(adminAjaxNonceUrl(siteUrl), {
    credentials: 'include',
    cache: 'no-store',
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  const body = (await response.text()).trim();
  // Logged out: HTTP 400 with body "0". Logged in: the nonce, ten hex digits.
  return response.ok && /^[0-9a-f]{10}$/i.test(body) ? body : null;
}
