/**
 * Where to ask for a WordPress's REST index when the page announces none (the login screen, wp-admin,
 * a redirect, a plugin that removes the links), before the origin's root — which on a sub-directory
 * multisite is another site (the main one):
 * - below WordPress's own folders and scripts (`wp-admin/`, `wp-login.php`, `wp-json/`,
 *   `xmlrpc.php`, …) the path before them is where it lives: `/technik/wp-admin/` is the sub-site at
 *   `/technik`; a WordPress in its own directory answers `?rest_route=` under its `wp/` too;
 * - any other page answers `?rest_route=/` itself, for the site that serves it (WordPress reads the
 *   query variable on every front-end request).
 * Only places to ask: what the site is comes from its REST index (`home`, `url`), never from a path.
 */
const ownPaths =
  /^(.*?)\/(?:wp-admin(?:\/|$)|wp-json(?:\/|$)|wp-content\/|wp-includes\/|wp-(?:login|signup|activate|cron)\.php|xmlrpc\.php)/i;

/** REST roots to try for a page below the origin's root; none at the root (the usual fallbacks cover it). */
export function restRootGuesses(url: URL): string[] {
  const own = ownPaths.exec(url.pathname);
  if (own) {
    const base = own[1];
    return base
      ? [new URL(`${base}/wp-json/`, url.origin).href, new URL(`${base}/?rest_route=/`, url.origin).href]
      : [];
  }
  return url.pathname === '/' ? [] : [new URL(`${url.pathname}?rest_route=/`, url.origin).href];
}
