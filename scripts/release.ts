/**
 * npm run release [-- --allow-dirty] [--out DIR]
 *
 * The store packages of one commit, into release/<version>/ (ADR 025):
 *   freigabe-chrome-<v>.zip, freigabe-firefox-<v>.zip   the extension for the two stores
 *   freigabe-bridge-<plugin version>.zip                 the WordPress plugin, folder on top
 *   freigabe-<v>-source.zip                              the source for Firefox's review
 *   SHA256SUMS                                           `sha256sum -c SHA256SUMS` checks them
 * The packages are built from the source zip itself, unpacked in a temporary folder: what reviewers
 * get is what we built from, and a build anywhere else gives the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { bridgeZipName } from './release/bridge.ts';
import { dirtyTreeRefusal } from './release/clean-tree.ts';
import { git, sourceEntries } from './release/source.ts';
import { deterministicZip } from './release/zip.ts';

interface Options {
  allowDirty: boolean;
  out?: string;
}

function parseArgs(args: string[]): Options {
  const options: Options = { allowDirty: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--allow-dirty') options.allowDirty = true;
    else if (arg === '--out' && args[i + 1]) options.out = args[++i];
    else if (arg?.startsWith('--out=')) options.out = arg.slice('--out='.length);
    else throw new Error(`release: unknown argument "${arg}" (use --allow-dirty, --out DIR)`);
  }
  return options;
}

function versionsOf(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { version: string };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  if (manifest.version !== pkg.version) {
    throw new Error(
      `release: manifest.json says version ${manifest.version}, package.json says ${pkg.version}. ` +
        'Set both to the version you are releasing.',
    );
  }
  return manifest.version;
}

/** Unpacks the source zip into a fresh folder, builds there, and returns the folder. */
function buildFromSource(root: string, sourceZip: Uint8Array): string {
  const staging = mkdtempSync(join(tmpdir(), 'freigabe-release-'));
  for (const [path, data] of Object.entries(unzipSync(sourceZip))) {
    mkdirSync(dirname(join(staging, path)), { recursive: true });
    writeFileSync(join(staging, path), data);
  }
  // The dependencies `npm ci` would install from package-lock.json: the ones this tree has.
  symlinkSync(realpathSync(join(root, 'node_modules')), join(staging, 'node_modules'), 'dir');
  // Only what finding programs and a temp folder needs: nothing of the caller's environment (NODE_ENV,
  // FREIGABE_*, a time zone, a locale) reaches the build.
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', TZ: 'UTC', LC_ALL: 'C' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot', 'USERPROFILE']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  const result = spawnSync(join(staging, 'node_modules/.bin/tsx'), ['scripts/build.ts', 'release'], {
    cwd: staging,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `release: the build from the source zip failed (in ${staging}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return staging;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function release(root: string, options: Options): { dir: string; files: string[] } {
  if (!options.allowDirty) {
    const refusal = dirtyTreeRefusal(git(root, ['status', '--porcelain']));
    if (refusal) throw new Error(refusal);
  }
  const version = versionsOf(root);
  const commit = git(root, ['rev-parse', 'HEAD']).trim();
  const dirty = git(root, ['status', '--porcelain']).trim() !== '';
  const out = resolve(root, options.out ?? join('release', version));
  mkdirSync(out, { recursive: true });

  const sourceZip = deterministicZip(sourceEntries(root, version, commit, dirty));
  const staging = buildFromSource(root, sourceZip);
  try {
    const packages = [
      `freigabe-chrome-${version}.zip`,
      `freigabe-firefox-${version}.zip`,
      bridgeZipName(staging, version),
    ];
    for (const name of packages) copyFileSync(join(staging, 'dist', name), join(out, name));
    const sourceName = `freigabe-${version}-source.zip`;
    writeFileSync(join(out, sourceName), sourceZip);
    const files = [...packages, sourceName].sort();
    const sums = files.map((name) => `${sha256(readFileSync(join(out, name)))}  ${name}\n`).join('');
    writeFileSync(join(out, 'SHA256SUMS'), sums);
    return { dir: out, files: [...files, 'SHA256SUMS'] };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

try {
  const root = git(process.cwd(), ['rev-parse', '--show-toplevel']).trim();
  const { dir, files } = release(root, parseArgs(process.argv.slice(2)));
  console.log(`release in ${dir}:`);
  for (const name of files) console.log(`  ${name} (${readFileSync(join(dir, name)).length} bytes)`);
  console.log(readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trimEnd());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
