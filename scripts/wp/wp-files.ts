/** Lays out a WordPress folder of our own: core files, our wp-config.php and mu-plugin. */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { type Layout, layoutConfig } from './layouts.ts';

export const phpDir = join(dirname(fileURLToPath(import.meta.url)), 'php');
/** The Freigabe Bridge plugin as this repository has it (copied into every test site, inactive until asked). */
export const bridgePluginDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'wordpress-plugin',
  'freigabe-bridge',
);
const require = createRequire(import.meta.url);

/** Debian's `wordpress` package (6.1, with the classic Twenty Twenty-One theme). */
export const debianWordPress = '/usr/share/wordpress';

export function hasDebianWordPress(): boolean {
  return existsSync(join(debianWordPress, 'wp-includes', 'version.php'));
}

export function playgroundBuildDir(): string {
  return dirname(require.resolve('@wp-playground/wordpress-builds/package.json'));
}

/** Copies WordPress core into `target`: Debian's package when present, else Playground's 6.5 build. */
export function copyWordPressCore(target: string, prefer: 'debian' | 'playground'): string {
  if (prefer === 'debian' && hasDebianWordPress()) {
    cpSync(debianWordPress, target, { recursive: true, dereference: true });
    return 'Debian wordpress package';
  }
  const builds = playgroundBuildDir();
  const version = '6.5';
  const files = unzipSync(readFileSync(join(builds, 'src', 'wordpress', `wp-${version}.zip`)));
  for (const [name, data] of Object.entries(files)) {
    const path = join(target, name);
    if (name.endsWith('/')) {
      mkdirSync(path, { recursive: true });
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
  }
  // The zip leaves out static assets; the package ships them separately.
  cpSync(join(builds, 'public', `wp-${version}`), target, { recursive: true });
  return `Playground build of WordPress ${version}`;
}

export interface ConfigOptions {
  url: string;
  dbHost: string;
  /** default: standard */
  layout?: Layout;
  /** multisite: the network constants (written once the network tables exist) */
  network?: boolean;
}

/** Writes wp-config.php (and our must-use plugins) into the folder of the core files. */
export function writeWpConfig(
  wordpressDir: string,
  { url, dbHost, layout = 'standard', network = false }: ConfigOptions,
): void {
  const saltsFile = join(wordpressDir, layout === 'own-directory' ? '../..' : '..', 'salts.txt');
  if (!existsSync(saltsFile)) writeFileSync(saltsFile, randomBytes(32).toString('hex'));
  const salt = readFileSync(saltsFile, 'utf8').trim();
  const keys = [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ];
  const php = `<?php
// Written by scripts/wp (Freigabe demo/test WordPress). Regenerated on every start.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${JSON.stringify(dbHost)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys.map((key) => `define('${key}', '${key}-${salt}');`).join('\n')}
$table_prefix = 'wp_';
${layoutConfig(layout, url, { network })}
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('EMPTY_TRASH_DAYS', 30);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
if (!defined('ABSPATH')) {
  define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`;
  writeFileSync(join(wordpressDir, 'wp-config.php'), php);
  const muPlugins = join(wordpressDir, 'wp-content', 'mu-plugins');
  mkdirSync(muPlugins, { recursive: true });
  cpSync(join(phpDir, 'freigabe-offline.php'), join(muPlugins, 'freigabe-offline.php'));
  cpSync(join(phpDir, 'freigabe-scenarios.php'), join(muPlugins, 'freigabe-scenarios.php'));
  cpSync(join(phpDir, 'scenarios'), join(muPlugins, 'freigabe-scenarios'), { recursive: true });
  // The Bridge as the repository has it now (a copy: a file removed here is gone there too).
  const bridge = join(wordpressDir, 'wp-content', 'plugins', 'freigabe-bridge');
  rmSync(bridge, { recursive: true, force: true });
  cpSync(bridgePluginDir, bridge, { recursive: true });
}
