/**
 * The zips `npm run build` makes, read as the stores read them: the Chrome package loads no remote
 * code, keeps its pages behind a strict CSP, installs without host access and ships every file it
 * refers to; the Firefox package passes web-ext lint (warnings only inside Preact's and DOMPurify's
 * own code) and declares Firefox for Android; the Bridge plugin zip has its folder on top.
 * (npm test builds before it runs the tests.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const version = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;
const decoder = new TextDecoder();

type Files = Record<string, Uint8Array>;
type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  default_locale?: string;
};

function packageFiles(target: 'chrome' | 'firefox'): Files {
  const zip = `dist/freigabe-${target}-${version}.zip`;
  return unzipSync(readFileSync(zip));
}
const textOf = (files: Files, path: string) => decoder.decode(files[path]);
const manifestOf = (files: Files) => JSON.parse(textOf(files, 'manifest.json')) as Manifest;

/** Every string in the manifest that names a file of the package. */
function manifestFiles(value: unknown): string[] {
  if (typeof value === 'string') return /\.(html|js|css|png|svg|json)$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(manifestFiles);
  if (value && typeof value === 'object') return Object.values(value).flatMap(manifestFiles);
  return [];
}

/** What pages and chunks load by relative path: script and style tags, static and dynamic imports. */
function referencedFiles(files: Files): { from: string; path: string }[] {
  const found: { from: string; path: string }[] = [];
  const resolve = (from: string, ref: string) =>
    ref.startsWith('/') ? ref.slice(1) : posix.normalize(posix.join(posix.dirname(from), ref));
  for (const name of Object.keys(files)) {
    const text = /\.(html|js|css)$/.test(name) ? textOf(files, name) : '';
    const refs: string[] = [];
    if (name.endsWith('.html')) {
      for (const match of text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) refs.push(match[1] ?? '');
    }
    if (name.endsWith('.js')) {
      for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g))
        refs.push(match[1] ?? '');
      // files the background hands to the browser by name (registerContentScripts, tabs.create)
      for (const match of text.matchAll(/["'`](src\/[\w/.-]+\.(?:js|html|css))["'`]/g)) refs.push(`/${match[1]}`);
    }
    for (const ref of refs) found.push({ from: name, path: resolve(name, ref) });
  }
  return found;
}

function expectEveryFileShipped(files: Files): void {
  const manifest = manifestOf(files);
  const references = referencedFiles(files);
  // Pages, chunk imports and the files the background names: the search finds them (not vacuous).
  expect(references.filter(({ from }) => from.endsWith('.html')).length).toBeGreaterThanOrEqual(6);
  expect(references.filter(({ from }) => from.endsWith('.js')).length).toBeGreaterThan(20);
  expect(references.map(({ path }) => path)).toContain('src/content/content-script.js');
  const missing = [
    ...manifestFiles(manifest).map((path) => ({ from: 'manifest.json', path })),
    { from: 'manifest.json', path: `_locales/${manifest.default_locale}/messages.json` },
    ...references,
  ].filter(({ path }) => !(path in files));
  expect(missing).toEqual([]);
  // And nothing nobody loads (crxjs emitted each ?iife script a second time, as a dead ES chunk).
  const loaded = new Set([...manifestFiles(manifest), ...references.map(({ path }) => path)]);
  const unused = Object.keys(files).filter((path) => /\.(js|css|html)$/.test(path) && !loaded.has(path));
  expect(unused).toEqual([]);
  // Every __MSG_name__ of the manifest, in every language shipped.
  const locales = Object.keys(files).filter((path) => /^_locales\/[^/]+\/messages\.json$/.test(path));
  expect(locales.length).toBeGreaterThanOrEqual(2);
  const names = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] ?? '');
  for (const locale of locales) {
    const messages = JSON.parse(textOf(files, locale)) as Record<string, unknown>;
    expect(
      names.filter((name) => !(name in messages)),
      locale,
    ).toEqual([]);
  }
}

describe('the Chrome package', () => {
  const files = packageFiles('chrome');
  const manifest = manifestOf(files);

  it('installs with no host access: each site is asked for when it is connected', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    for (const permission of [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
      expect(permission).not.toMatch(/:\/\/|<all_urls>/);
    }
  });

  it('loads no remote code: no http(s) scripts or styles, no eval, no new Function, no string timers', () => {
    const offences: string[] = [];
    for (const [name, data] of Object.entries(files)) {
      const text = /\.(html|js|css)$/.test(name) ? decoder.decode(data) : '';
      const rules: [RegExp, string][] = name.endsWith('.html')
        ? [[/<(?:script|link)\b[^>]*?\b(?:src|href)="(?:https?:)?\/\//, 'remote script or style']]
        : name.endsWith('.css')
          ? [[/@import|url\(\s*["']?(?:https?:)?\/\//, 'remote style']]
          : [
              [/\beval\s*\(/, 'eval'],
              [/\bnew\s+Function\s*\(|[^.\w$]Function\s*\(\s*["'`]/, 'new Function'],
              [/\bimport\s*\(\s*["'`](?:https?:)?\/\//, 'remote import()'],
              [/\bimportScripts\s*\(/, 'importScripts'],
              [/\bset(?:Timeout|Interval)\s*\(\s*["'`]/, 'string timer'],
            ];
      for (const [rule, what] of rules) if (rule.test(text)) offences.push(`${name}: ${what}`);
    }
    expect(offences).toEqual([]);
  });

  it('carries no path of the machine that built it (a development build would: ADR 025)', () => {
    const machinePaths = [process.cwd(), tmpdir(), '/home/', '/Users/'];
    const leaks = Object.entries(files)
      .filter(([name]) => /\.(html|js|css|json)$/.test(name))
      .filter(([, data]) => machinePaths.some((path) => decoder.decode(data).includes(path)))
      .map(([name]) => name);
    expect(leaks).toEqual([]);
  });

  it("keeps its pages behind a CSP that runs only the package's own scripts", () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    // No inline scripts for the CSP to refuse.
    for (const name of Object.keys(files).filter((path) => path.endsWith('.html'))) {
      expect(textOf(files, name)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    }
  });

  it('ships every file its manifest, pages and chunks refer to (and no other code), and every message its manifest names', () => {
    expectEveryFileShipped(files);
  });
});

describe('the Firefox package', () => {
  const files = packageFiles('firefox');
  const manifest = manifestOf(files);
  const unpacked = mkdtempSync(join(tmpdir(), 'freigabe-firefox-package-'));
  afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

  /**
   * Lint warnings that sit in a library's code, told apart by the code around them: Preact writes
   * dangerouslySetInnerHTML (which we give only DOMPurify's output: src/shared/sanitize), DOMPurify
   * parses the untrusted HTML into an inert document.
   */
  const libraryCode = [
    { library: 'Preact', code: 'UNSAFE_VAR_ASSIGNMENT', around: [/dangerouslySetInnerHTML/, /__html/] },
    { library: 'DOMPurify', code: 'UNSAFE_VAR_ASSIGNMENT', around: [/parseFromString/, /documentElement\.innerHTML=/] },
  ];

  it('passes web-ext lint with no errors, and warnings only inside Preact and DOMPurify', () => {
    for (const [path, data] of Object.entries(files)) {
      mkdirSync(dirname(join(unpacked, path)), { recursive: true });
      writeFileSync(join(unpacked, path), data);
    }
    const result = spawnSync(
      'node_modules/.bin/web-ext',
      ['lint', '--source-dir', unpacked, '--output', 'json', '--boring'],
      {
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(result.stdout) as {
      errors: unknown[];
      notices: unknown[];
      warnings: { code: string; file: string; line: number; column: number; message: string }[];
    };
    expect(report.errors).toEqual([]);
    const ours = report.warnings.filter((warning) => {
      const line = textOf(files, warning.file).split('\n')[warning.line - 1] ?? '';
      const near = line.slice(Math.max(0, warning.column - 400), warning.column + 100);
      return !libraryCode.some((known) => known.code === warning.code && known.around.every((rule) => rule.test(near)));
    });
    expect(ours).toEqual([]);
    // The warnings we let through are there: the rule is checked, not vacuous.
    expect(report.warnings.length).toBeGreaterThan(0);
  });

  it('sets innerHTML nowhere in our own source, and gives Preact only sanitized HTML', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    for (const path of sources('src')) {
      const text = readFileSync(path, 'utf8');
      expect(text, path).not.toMatch(/\.(?:inner|outer)HTML\s*=(?!=)|insertAdjacentHTML|document\.write\(/);
      for (const line of text.split('\n').filter((candidate) => candidate.includes('dangerouslySetInnerHTML'))) {
        expect(line, path).toMatch(/__html:\s*sanitize/);
      }
    }
  });

  it('declares Firefox for Android (142, with data_collection_permissions) and nothing Android lacks', () => {
    const settings = manifest.browser_specific_settings as {
      gecko: { id: string; strict_min_version: string };
      gecko_android: { strict_min_version: string };
    };
    expect(settings.gecko_android).toEqual({ strict_min_version: '142.0' });
    expect(settings.gecko.strict_min_version).toBe('142.0');
    expect(manifest.permissions).not.toContain('contextMenus');
    expect(manifest.permissions).not.toContain('menus');
  });

  it('ships every file its manifest, pages and chunks refer to, and no other code', () => {
    expectEveryFileShipped(files);
  });
});

describe('the Freigabe Bridge plugin zip', () => {
  it('is built beside the extension zips, with the plugin folder on top', () => {
    const zip = readdirSync('dist').find((name) => /^freigabe-bridge-.+\.zip$/.test(name));
    expect(zip).toBeDefined();
    const entries = Object.keys(unzipSync(readFileSync(join('dist', zip ?? ''))));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((path) => !path.startsWith('freigabe-bridge/'))).toEqual([]);
  });
});
