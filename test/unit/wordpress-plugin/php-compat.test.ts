/**
 * The Freigabe Bridge (wordpress-plugin/freigabe-bridge) runs on PHP 7.4 and up: every file passes
 * `php -l`, and a token scan (test/support/php/php74-scan.php) finds none of PHP 8's syntax or
 * functions, which `php -l` on the PHP 8 here would accept. The scan is shown to find each kind in
 * a fixture written with them. Plus the conventions WordPress.org checks: the headers, the text
 * domain, the direct-access guard.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const plugin = join(root, 'wordpress-plugin', 'freigabe-bridge');
const scanner = join(root, 'test', 'support', 'php', 'php74-scan.php');

function phpFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? phpFiles(join(dir, entry.name)) : entry.name.endsWith('.php') ? [join(dir, entry.name)] : [],
  );
}

function scan(files: string[]): Record<string, string[]> {
  return JSON.parse(execFileSync('php', [scanner, ...files], { encoding: 'utf8' })) as Record<string, string[]>;
}

const files = phpFiles(plugin);

describe('the Freigabe Bridge on PHP 7.4', () => {
  it('has its main file and one class per route', () => {
    expect(files.map((file) => relative(plugin, file)).sort()).toEqual(
      expect.arrayContaining([
        'freigabe-bridge.php',
        'includes/class-freigabe-bridge-bulk-route.php',
        'includes/class-freigabe-bridge-ids-route.php',
        'includes/class-freigabe-bridge-blocklist-route.php',
        'uninstall.php',
        'includes/class-freigabe-bridge-announcement.php',
      ]),
    );
  });

  it.each(files.map((file) => [relative(plugin, file), file]))('%s passes php -l', (_name, file) => {
    const linted = spawnSync('php', ['-l', file], { encoding: 'utf8' });
    expect(linted.stdout + linted.stderr).toContain('No syntax errors detected');
    expect(linted.status).toBe(0);
  });

  it('uses nothing PHP 7.4 lacks', () => {
    const found = Object.fromEntries(
      Object.entries(scan(files))
        .filter(([, problems]) => problems.length > 0)
        .map(([file, problems]) => [relative(plugin, file), problems]),
    );
    expect(found).toEqual({});
  });

  it('the scan finds every kind of PHP 8 syntax it looks for', () => {
    const fixture = join(root, 'test', 'fixtures', 'php', 'php8-only.php');
    const problems = scan([fixture])[fixture] ?? [];
    for (const kind of [
      'attribute',
      'constructor property promotion',
      'union type',
      'union return type',
      'match expression',
      'type mixed',
      'return type static',
      'nullsafe operator',
      'str_contains()',
      'named argument',
      '$object::class',
      'first-class callable',
      'catch without a variable',
      'trailing comma in a parameter list',
      'enum',
    ]) {
      expect(
        problems.some((problem) => problem.includes(kind)),
        kind,
      ).toBe(true);
    }
  });
});

describe('the Freigabe Bridge as WordPress.org takes plugins', () => {
  const main = readFileSync(join(plugin, 'freigabe-bridge.php'), 'utf8');
  const readme = readFileSync(join(plugin, 'readme.txt'), 'utf8');

  it('has the plugin header and a readme that agree', () => {
    const version = /^ \* Version:\s+(\S+)$/m.exec(main)?.[1];
    expect(version).toBe('1.1.2');
    expect(main).toMatch(/^ \* Requires at least:\s+6\.1$/m);
    expect(main).toMatch(/^ \* Requires PHP:\s+7\.4$/m);
    expect(main).toMatch(/^ \* License:\s+GPL-2\.0-or-later$/m);
    expect(main).toMatch(/^ \* Text Domain:\s+freigabe-bridge$/m);
    expect(main).toContain(`define( 'FREIGABE_BRIDGE_VERSION', '${version}' );`);
    expect(readme).toMatch(/^=== Freigabe Bridge ===$/m);
    expect(readme).toMatch(new RegExp(`^Stable tag: ${version?.replace(/\./g, '\\.')}$`, 'm'));
    expect(readme).toMatch(/^Requires at least: 6\.1$/m);
    expect(readme).toMatch(/^Requires PHP: 7\.4$/m);
    expect(readme).toMatch(/^Tested up to: 7\.1$/m);
    expect(readme).toMatch(/^License: GPL-2\.0-or-later$/m);
    for (const section of ['Description', 'Installation', 'Frequently Asked Questions', 'Changelog']) {
      expect(readme).toContain(`== ${section} ==`);
    }
  });

  it.each(files.map((file) => [relative(plugin, file), file]))(
    '%s refuses direct access and translates in its own text domain',
    (_name, file) => {
      const code = readFileSync(file, 'utf8');
      // uninstall.php is loaded by WordPress's uninstaller only, which defines WP_UNINSTALL_PLUGIN.
      const guard = relative(plugin, file) === 'uninstall.php' ? 'WP_UNINSTALL_PLUGIN' : 'ABSPATH';
      expect(code).toContain(`if ( ! defined( '${guard}' ) ) {`);
      // Every translatable string names the text domain (no core strings borrowed by accident).
      const calls = [...code.matchAll(/\b(?:__|_e|esc_html__|esc_attr__|_x|_n)\(\s*'(?:[^'\\]|\\.)*'\s*(,[^)]*)?\)/g)];
      for (const call of calls) expect(call[1] ?? '', call[0]).toContain("'freigabe-bridge'");
    },
  );
});
