/**
 * How WordPress is laid out on disk and in URLs. Besides the standard install, two layouts real
 * blogs run that move URLs apart:
 * - `own-directory`: "Giving WordPress its own directory"
 *   (https://developer.wordpress.org/advanced-administration/server/wordpress-in-directory/): the
 *   core files in `wp/`, an `index.php` at the root that loads `wp/wp-blog-header.php`, the options
 *   `siteurl` = …/wp and `home` = …/. REST lives under home; wp-admin, admin-ajax.php,
 *   authorize-application.php and xmlrpc.php under siteurl; the cookie paths differ.
 * - `multisite`: a sub-directory network
 *   (https://developer.wordpress.org/advanced-administration/multisite/create-network/): one origin,
 *   the main site at `/`, sub-sites at `/<name>/`, the `.htaccess` rewrites reproduced in router.php.
 * The layout is written next to the site (`layout.txt`), so helpers that run PHP inside a running
 * site (setup actions, scenarios) find the core files and the URL that serves them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const layouts = ['standard', 'own-directory', 'multisite'] as const;
export type Layout = (typeof layouts)[number];

export function isLayout(value: string | undefined): value is Layout {
  return (layouts as readonly string[]).includes(value ?? '');
}

/** The folder of the core files inside the document root ('' = the root itself). */
export function coreSubdir(layout: Layout): string {
  return layout === 'own-directory' ? 'wp' : '';
}

/** `siteurl`: where WordPress itself lives, for a site whose `home` is `url`. */
export function siteUrlOf(url: string, layout: Layout): string {
  const sub = coreSubdir(layout);
  return sub ? `${url}/${sub}` : url;
}

/** The document root and the core folder of a site in `dir` (the backend's `wordpress/`). */
export function folders(dir: string, layout: Layout): { documentRoot: string; coreDir: string } {
  const documentRoot = join(resolve(dir), 'wordpress');
  const sub = coreSubdir(layout);
  return { documentRoot, coreDir: sub ? join(documentRoot, sub) : documentRoot };
}

export function writeLayoutMarker(dir: string, layout: Layout): void {
  writeFileSync(join(dir, 'layout.txt'), layout);
}

export function layoutOf(dir: string): Layout {
  const marker = join(resolve(dir), 'layout.txt');
  const written = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'standard';
  return isLayout(written) ? written : 'standard';
}

/**
 * Where a setup script of ours runs inside a running site: the core folder (it loads wp-load.php
 * from there) and the URL that serves that folder.
 */
export function setupTarget(site: { url: string; dir: string }): { url: string; wordpressDir: string } {
  const layout = layoutOf(site.dir);
  return { url: siteUrlOf(site.url, layout), wordpressDir: folders(site.dir, layout).coreDir };
}

/**
 * The root `index.php` of a WordPress in its own directory: WordPress's own file with the path to
 * wp-blog-header.php changed, as the documentation says to do.
 */
export function writeRootIndex(documentRoot: string, coreDir: string): void {
  const original = readFileSync(join(coreDir, 'index.php'), 'utf8');
  const moved = original.replace("'/wp-blog-header.php'", "'/wp/wp-blog-header.php'");
  if (moved === original) throw new Error(`${coreDir}/index.php does not load /wp-blog-header.php as expected`);
  writeFileSync(join(documentRoot, 'index.php'), moved);
}

/**
 * The wp-config.php lines that differ per layout. The standard site pins its URLs by constant (the
 * port may change between runs); the other two keep them where their documentation puts them: in
 * the options (own directory: Settings → General; multisite: per site, and a constant would force
 * every sub-site onto the main site's URL).
 */
export function layoutConfig(layout: Layout, url: string, { network }: { network: boolean }): string {
  if (layout === 'standard') {
    return `define('WP_HOME', ${JSON.stringify(url)});\ndefine('WP_SITEURL', ${JSON.stringify(url)});`;
  }
  if (layout === 'own-directory' || !network) return '';
  const { host } = new URL(url);
  return [
    "define('WP_ALLOW_MULTISITE', true);",
    "define('MULTISITE', true);",
    "define('SUBDOMAIN_INSTALL', false);",
    `define('DOMAIN_CURRENT_SITE', ${JSON.stringify(host)});`,
    "define('PATH_CURRENT_SITE', '/');",
    "define('SITE_ID_CURRENT_SITE', 1);",
    "define('BLOG_ID_CURRENT_SITE', 1);",
  ].join('\n');
}
