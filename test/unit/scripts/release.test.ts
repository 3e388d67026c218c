/**
 * The pieces of a reproducible release (ADR 025), each on its own: zips that depend only on their
 * files (order, time zone, modes), crxjs's script ids made path-independent, the clean-tree rule,
 * the Bridge plugin's version and the build notes in the source zip. The whole release, built twice,
 * is compared in test/e2e/release.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeVersion, bridgeZip, bridgeZipName } from '../../../scripts/release/bridge.ts';
import { dirtyTreeRefusal } from '../../../scripts/release/clean-tree.ts';
import { sourceBuildText } from '../../../scripts/release/source.ts';
import { stableDynamicScriptIds } from '../../../scripts/release/stable-script-ids.ts';
import { deterministicZip, listZip, type ZipEntry } from '../../../scripts/release/zip.ts';

const text = (value: string) => new TextEncoder().encode(value);
const entries: ZipEntry[] = [
  { path: 'src/popup/index.html', data: text('<!doctype html>') },
  { path: 'manifest.json', data: text('{}') },
  { path: '_locales/en/messages.json', data: text('{}') },
  { path: 'scripts/run', data: text('#!/bin/sh'), executable: true },
];

const made: string[] = [];
const originalZone = process.env.TZ;
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('deterministic zips', () => {
  it('list their entries sorted by path, whatever order they were given in', () => {
    const paths = listZip(deterministicZip([...entries].reverse())).map((entry) => entry.path);
    expect(paths).toEqual(['_locales/en/messages.json', 'manifest.json', 'scripts/run', 'src/popup/index.html']);
    expect(deterministicZip(entries)).toEqual(deterministicZip([...entries].reverse()));
  });

  it('carry the same bytes in every time zone (fflate writes local clock fields)', () => {
    const zips = ['UTC', 'America/New_York', 'Pacific/Chatham', 'Asia/Kolkata'].map((zone) => {
      process.env.TZ = zone;
      return deterministicZip(entries);
    });
    for (const zip of zips.slice(1)) expect(zip).toEqual(zips[0]);
    const [first] = listZip(zips[0] as Uint8Array);
    // 2026-01-01 12:00:00 as DOS date and time
    expect(first?.dosDate).toBe(((2026 - 1980) << 9) | (1 << 5) | 1);
    expect(first?.dosTime).toBe(12 << 11);
  });

  it('give files mode 0644 and executables 0755, as Unix zips', () => {
    const modes = Object.fromEntries(listZip(deterministicZip(entries)).map((entry) => [entry.path, entry.mode]));
    expect(modes['manifest.json']).toBe(0o100644);
    expect(modes['scripts/run']).toBe(0o100755);
  });

  it('refuse source maps, a path twice and bare-number names', () => {
    expect(() => deterministicZip([{ path: 'assets/a.js.map', data: text('{}') }])).toThrow(/source maps/);
    expect(() => deterministicZip([entries[1] as ZipEntry, entries[1] as ZipEntry])).toThrow(/twice/);
    expect(() => deterministicZip([{ path: '7', data: text('') }])).toThrow(/bare number/);
  });
});

describe("crxjs's dynamic script ids", () => {
  type Hooks = {
    configResolved: (config: { root: string }) => void;
    transform: (code: string, id: string) => { code: string } | null;
    generateBundle: (options: unknown, bundle: Record<string, { type: 'chunk'; code: string }>) => void;
  };
  const placeholderFor = (root: string, crxId: string) => {
    const plugin = stableDynamicScriptIds() as unknown as Hooks;
    plugin.configResolved({ root });
    const id = `${root}/src/content/content-script.ts?scriptId=${crxId}`;
    const transformed = plugin.transform(`export default import.meta.CRX_DYNAMIC_SCRIPT_${crxId};`, id);
    return { plugin, code: transformed?.code ?? '' };
  };

  it('are the same in every checkout while file names are hashed, and crxjs gets its own back', () => {
    // crxjs's id is a hash of the absolute path: different in /home/a and /tmp/b.
    const here = placeholderFor('/home/a/freigabe', 'AbsHashOne');
    const there = placeholderFor('/tmp/b', 'AbsHashTwo');
    expect(here.code).toBe(there.code);
    expect(here.code).not.toContain('AbsHashOne');
    const bundle = {
      'assets/index.ts-x.js': { type: 'chunk' as const, code: here.code.replace('export default ', 'const f=') },
    };
    here.plugin.generateBundle({}, bundle);
    expect(bundle['assets/index.ts-x.js'].code).toBe('const f=import.meta.CRX_DYNAMIC_SCRIPT_AbsHashOne;');
  });

  it('leave other modules alone', () => {
    const plugin = stableDynamicScriptIds() as unknown as Hooks;
    expect(plugin.transform('export const a = 1;', '/x/src/background/index.ts')).toBeNull();
  });
});

describe('the clean-tree rule', () => {
  it('lets a clean tree through', () => {
    expect(dirtyTreeRefusal('')).toBeUndefined();
    expect(dirtyTreeRefusal('\n')).toBeUndefined();
  });

  it('names what is uncommitted and what to do', () => {
    const refusal = dirtyTreeRefusal(' M src/popup/App.tsx\n?? notes.txt\n');
    expect(refusal).toContain('2 uncommitted change(s)');
    expect(refusal).toContain('src/popup/App.tsx');
    expect(refusal).toContain('notes.txt');
    expect(refusal).toMatch(/Commit or stash/);
  });
});

describe('the Bridge plugin zip', () => {
  function pluginTree(header?: string): string {
    const root = mkdtempSync(join(tmpdir(), 'freigabe-bridge-zip-'));
    made.push(root);
    mkdirSync(join(root, 'wordpress-plugin/freigabe-bridge/includes'), { recursive: true });
    writeFileSync(join(root, 'wordpress-plugin/freigabe-bridge/includes/routes.php'), '<?php\n');
    if (header) writeFileSync(join(root, 'wordpress-plugin/freigabe-bridge/freigabe-bridge.php'), header);
    return root;
  }

  it("is named after the plugin header's version, or the extension's while there is none", () => {
    const root = pluginTree('<?php\n/**\n * Plugin Name: Freigabe Bridge\n * Version: 1.2.3\n */\n');
    expect(bridgeVersion(root)).toBe('1.2.3');
    expect(bridgeZipName(root, '0.1.0')).toBe('freigabe-bridge-1.2.3.zip');
    expect(bridgeZipName(pluginTree(), '0.1.0')).toBe('freigabe-bridge-0.1.0.zip');
  });

  it('has the plugin folder as its top directory', () => {
    const root = pluginTree('<?php\n/* Version: 2.0 */\n');
    expect(Object.keys(unzipSync(bridgeZip(root)))).toEqual([
      'freigabe-bridge/freigabe-bridge.php',
      'freigabe-bridge/includes/routes.php',
    ]);
  });
});

it('the source zip says how to build it', () => {
  const notes = sourceBuildText('1.0.0', 'abc123', false);
  expect(notes).toContain('Node.js 20.19 or later');
  expect(notes).toContain('npm ci');
  expect(notes).toContain('npm run build');
  expect(notes).toContain('dist/freigabe-firefox-1.0.0.zip');
  expect(notes).toContain('commit abc123)');
  expect(sourceBuildText('1.0.0', 'abc123', true)).toContain('with local changes');
});
