/**
 * npm run release (ADR 025), run twice on this tree into two temporary folders — each build in its
 * own freshly unpacked copy of the source zip, the second in another time zone — gives the same
 * bytes: every zip, the source zip and SHA256SUMS. The packages equal what npm run build made of the
 * same tree, the zips carry one fixed time and fixed modes, and a tree with uncommitted changes is
 * refused with a message that says what to do.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listZip } from '../../scripts/release/zip.ts';

const version = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;
const tsx = resolve('node_modules/.bin/tsx');
const releaseScript = resolve('scripts/release.ts');
const made: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function runRelease(args: string[], options: { cwd?: string; zone?: string } = {}) {
  return spawnSync(tsx, [releaseScript, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, TZ: options.zone ?? 'UTC' },
    encoding: 'utf8',
  });
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('two release builds of the same tree', () => {
  const first = temp('freigabe-release-a-');
  const second = temp('freigabe-release-b-');
  const extension = [
    `freigabe-${version}-source.zip`,
    `freigabe-chrome-${version}.zip`,
    `freigabe-firefox-${version}.zip`,
  ];
  // The Bridge zip carries the plugin's own version (its header), or the extension's.
  let names: string[] = [];

  beforeAll(() => {
    // --allow-dirty: the test runs on whatever tree is checked out (npm test, a branch in progress).
    for (const [out, zone] of [
      [first, 'UTC'],
      [second, 'America/Los_Angeles'],
    ] as const) {
      const result = runRelease(['--allow-dirty', '--out', out], { zone });
      if (result.status !== 0) throw new Error(`release failed:\n${result.stdout}\n${result.stderr}`);
    }
    names = readdirSync(first)
      .filter((name) => name.endsWith('.zip'))
      .sort();
  }, 400_000);

  it('write the four zips and SHA256SUMS, and the sums are right', () => {
    expect(names.filter((name) => !extension.includes(name))).toEqual([
      expect.stringMatching(/^freigabe-bridge-[\w.-]+\.zip$/),
    ]);
    expect(readdirSync(first).sort()).toEqual([...names, 'SHA256SUMS'].sort());
    const sums = readFileSync(join(first, 'SHA256SUMS'), 'utf8');
    expect(sums).toBe(names.map((name) => `${sha256(join(first, name))}  ${name}\n`).join(''));
  });

  it('are byte-identical, the source zip and SHA256SUMS included', () => {
    for (const name of [...names, 'SHA256SUMS']) {
      expect(sha256(join(second, name)), name).toBe(sha256(join(first, name)));
    }
  });

  it("equal npm run build's packages of the same tree (a build anywhere gives the same bytes)", () => {
    for (const target of ['chrome', 'firefox']) {
      const built = `dist/freigabe-${target}-${version}.zip`;
      expect(existsSync(built), `${built}: run npm run build first`).toBe(true);
      expect(sha256(join(first, `freigabe-${target}-${version}.zip`)), `${built} is older than the tree?`).toBe(
        sha256(built),
      );
    }
  });

  it('hold sorted entries with one fixed time, fixed modes and no source maps', () => {
    for (const name of names) {
      const listing = listZip(readFileSync(join(first, name)));
      const paths = listing.map((entry) => entry.path);
      expect(paths, name).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(
        paths.some((path) => path.endsWith('.map')),
        name,
      ).toBe(false);
      expect(new Set(listing.map((entry) => `${entry.dosDate}/${entry.dosTime}`)).size, name).toBe(1);
      const executables = listing.filter((entry) => entry.mode === 0o100755).map((entry) => entry.path);
      expect(
        listing.every((entry) => entry.mode === 0o100644 || entry.mode === 0o100755),
        name,
      ).toBe(true);
      if (!name.includes('source')) expect(executables, name).toEqual([]);
    }
  });

  it('put the source for review in the source zip: tracked files, build notes, no dependencies or output', () => {
    const listing = listZip(readFileSync(join(first, `freigabe-${version}-source.zip`)));
    const paths = listing.map((entry) => entry.path);
    for (const path of ['SOURCE-BUILD.md', 'package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts']) {
      expect(paths).toContain(path);
    }
    expect(paths).toContain('src/background/index.ts');
    expect(paths.filter((path) => /^(node_modules|dist|release|\.wp|test-results)\//.test(path))).toEqual([]);
    expect(listing.find((entry) => entry.path === '.ci/run')?.mode).toBe(0o100755);
    const notes = new TextDecoder().decode(
      unzipSync(readFileSync(join(first, `freigabe-${version}-source.zip`)), {
        filter: (file) => file.name === 'SOURCE-BUILD.md',
      })['SOURCE-BUILD.md'],
    );
    expect(notes).toMatch(/npm ci[\s\S]*npm run build/);
  });
});

describe('a release from a tree with uncommitted changes', () => {
  it('is refused, naming the changes and what to do; nothing is written', () => {
    const repo = temp('freigabe-dirty-tree-');
    expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
    writeFileSync(join(repo, 'notes.txt'), 'not committed\n');
    const result = runRelease([], { cwd: repo });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('uncommitted change(s)');
    expect(result.stderr).toContain('notes.txt');
    expect(result.stderr).toMatch(/Commit or stash/);
    expect(readdirSync(repo).sort()).toEqual(['.git', 'notes.txt']);
  });
});
