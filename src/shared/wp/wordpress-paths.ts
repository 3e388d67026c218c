/**
 * Where a WordPress lives, read from one of its own URLs: the path before its folders and scripts
 * (`wp-admin/`, `wp-login.php`, `wp-json/`, `xmlrpc.php`, …). Those pages (the login screen,
 * wp-admin) announce no REST API, so discovery asks there before the origin's root: on a
 * sub-directory multisite `/technik/wp-admin/` belongs to the sub-site at `/technik`, not to the main
 * site at `/`; a WordPress in its own directory answers `?rest_route=` under its `wp/` too. Only a
 * place to ask: what the site is comes from its REST index (`home`, `url`), never from this path.
 */
const ownPaths =
  /^(.*?)\/(?:wp-admin(?:\/|$)|wp-json(?:\/|$)|wp-content\/|wp-includes\/|wp-(?:login|signup|activate|cron)\.php|xmlrpc\.php)/i;

/** The REST roots to try for a URL inside a WordPress's own paths below the origin's root; none otherwise. */
export function restRootsBelowOwnPaths(url: URL): string[] {
  const base = ownPaths.exec(url.pathname)?.[1];
  if (!base) return [];
  return [new URL(`${base}/wp-json/`, url.origin).href, new URL(`${base}/?rest_route=/`, url.origin).href];
}
