/**
 * npm run build        — release builds: dist/chrome, dist/firefox and a store zip of each, and the
 *                        Freigabe Bridge plugin zip beside them (byte-identical wherever they are
 *                        built: see scripts/release/zip.ts and ADR 025; npm run release packs a release)
 * npm run build:test   — the test/demo build: dist/chrome-test (pre-grants the loopback origins)
 * tsx scripts/build.ts next-schema — "build N+1" of the update test: dist/chrome-test-next, the test
 *                        build with one more database version and version number (ADR 035)
 * Each build runs Vite with crxjs for one target; the Firefox build is linted with web-ext.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { type Mode, outDirFor, type Target } from '../vite.config.ts';
import { describeSizes } from './bundle-sizes.ts';
import { bridgeZip, bridgeZipName } from './release/bridge.ts';
import { deterministicZip, entriesUnder } from './release/zip.ts';

// Vite keeps a NODE_ENV it finds (vitest sets "test"): Preact's development build then writes this
// checkout's absolute paths into the bundle. Packages never depend on the caller's environment.
process.env.NODE_ENV = 'production';

const version = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;

async function buildOne(target: Target, mode: Mode): Promise<string> {
  process.env.FREIGABE_TARGET = target;
  process.env.FREIGABE_MODE = mode;
  const started = Date.now();
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  const outDir = outDirFor(target, mode);
  console.log(`built ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

function zipDir(dir: string, file: string): void {
  writeFileSync(file, deterministicZip(entriesUnder(dir)));
  console.log(`packed ${file}`);
}

function lintFirefox(dir: string): void {
  const result = spawnSync('node_modules/.bin/web-ext', ['lint', '--source-dir', dir, '--output', 'json', '--boring'], {
    encoding: 'utf8',
  });
  const report = JSON.parse(result.stdout) as {
    summary: { errors: number; warnings: number };
    errors: { message: string; file?: string }[];
    warnings: { message: string; file?: string }[];
  };
  for (const warning of report.warnings) console.log(`  web-ext warning: ${warning.message} (${warning.file ?? ''})`);
  for (const error of report.errors) console.log(`  web-ext ERROR: ${error.message} (${error.file ?? ''})`);
  if (report.summary.errors > 0) throw new Error(`web-ext lint: ${report.summary.errors} errors in ${dir}`);
  console.log(`web-ext lint ${dir}: 0 errors, ${report.summary.warnings} warnings`);
}

const which = process.argv[2] ?? 'release';
const started = Date.now();
if (which === 'release' || which === 'all') {
  for (const target of ['chrome', 'firefox'] as const) {
    const dir = await buildOne(target, 'release');
    zipDir(dir, `dist/freigabe-${target}-${version}.zip`);
    console.log(describeSizes(dir));
  }
  lintFirefox('dist/firefox');
  const bridge = `dist/${bridgeZipName('.', version)}`;
  writeFileSync(bridge, bridgeZip('.'));
  console.log(`packed ${bridge}`);
}
if (which === 'test' || which === 'all') {
  await buildOne('chrome', 'test');
  await buildOne('firefox', 'test');
}
// Build N+1 for the update test (ADR 035), from the same source whenever the test build is made.
if (which === 'test' || which === 'all' || which === 'next-schema') {
  process.env.FREIGABE_NEXT_SCHEMA = '1';
  await buildOne('chrome', 'test');
  delete process.env.FREIGABE_NEXT_SCHEMA;
}
console.log(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
