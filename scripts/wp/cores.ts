/**
 * Which WordPress the native backend serves. `7.1` (the current release, with Akismet) is the
 * default for the demo, the tests and the benchmarks; `6.1` is Debian's package, the oldest
 * version we test; `6.5` is WordPress Playground's build.
 *
 * The 7.1 archive is kept in a cache folder of our own (checksum verified), seeded from
 * `../shared/wordpress/` next to the checkout when that exists. Where the archive is nowhere to be
 * had, 7.1 falls back to Debian's 6.1 and says so in one line, so a fresh clone elsewhere still
 * passes `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWordPressCore, debianWordPress, hasDebianWordPress } from './wp-files.ts';

export const coreVersions = ['7.1', '6.1', '6.5'] as const;
export type CoreVersion = (typeof coreVersions)[number];
export const defaultCore: CoreVersion = '7.1';

export function isCoreVersion(value: string | undefined): value is CoreVersion {
  return (coreVersions as readonly string[]).includes(value ?? '');
}

/** The release archive of the current WordPress and its SHA-256 (see ../shared/wordpress/README.md). */
export const currentRelease = {
  file: 'wordpress-7.1.0.tar.gz',
  sha256: '18bd2311db44b79510eba472d9f39ac0b61d3fe006eb794895fae01e5a8aa137',
} as const;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function cacheDir(): string {
  return resolve(
    process.env.FREIGABE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'freigabe'),
  );
}

/** Folders that may hold the release archive, first match wins after the cache. */
export function archiveSources(): string[] {
  const sources = [join(repoRoot, '..', 'shared', 'wordpress')];
  if (process.env.FREIGABE_WP_ARCHIVE_DIR) sources.unshift(resolve(process.env.FREIGABE_WP_ARCHIVE_DIR));
  return sources;
}

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * The path of the verified 7.1 archive in our cache, copying it there from a source folder first
 * when needed; null when it is nowhere to be had. A cached copy with the wrong checksum is replaced.
 */
export interface ArchiveLookup {
  /** the archive looked for (tests use one of their own) */
  release?: { file: string; sha256: string };
  cache?: string;
  sources?: readonly string[];
  log?: (message: string) => void;
}

export function currentReleaseArchive({
  release = currentRelease,
  cache = cacheDir(),
  sources = archiveSources(),
  log = () => undefined,
}: ArchiveLookup = {}): string | null {
  const cached = join(cache, release.file);
  if (existsSync(cached)) {
    if (sha256Of(cached) === release.sha256) return cached;
    log(`${cached} has the wrong checksum: replacing it`);
    rmSync(cached, { force: true });
  }
  for (const source of sources) {
    const candidate = join(source, release.file);
    if (!existsSync(candidate)) continue;
    if (sha256Of(candidate) !== release.sha256) {
      log(`${candidate} has the wrong checksum: ignored`);
      continue;
    }
    mkdirSync(cache, { recursive: true });
    // One partial file per process: npm test's lanes start their sites at the same time (ADR 032).
    const partial = `${cached}.${process.pid}.partial`;
    copyFileSync(candidate, partial);
    renameSync(partial, cached);
    return cached;
  }
  return null;
}

export interface ResolvedCore {
  /** what was asked for */
  requested: CoreVersion;
  /** what will really be served */
  version: CoreVersion;
  /** one line for the log when the two differ */
  notice: string | null;
}

export function resolveCore(requested: CoreVersion, lookup: ArchiveLookup = {}): ResolvedCore {
  if (requested === '7.1' && currentReleaseArchive(lookup) === null) {
    return {
      requested,
      version: '6.1',
      notice: `WordPress 7.1 is not available (no ${currentRelease.file} in ${lookup.cache ?? cacheDir()} or ${(lookup.sources ?? archiveSources()).join(', ')}): running Debian's WordPress 6.1 instead`,
    };
  }
  return { requested, version: requested, notice: null };
}

/** Debian's classic theme (core comment walker markup), copied into cores that do not ship it. */
const classicTheme = 'twentytwentyone';

/** Lays out the files of `version` in `target` (empty or missing); answers where they came from. */
export function installCore(target: string, version: CoreVersion): string {
  mkdirSync(target, { recursive: true });
  if (version === '6.1') {
    if (!hasDebianWordPress())
      throw new Error("WordPress 6.1 needs Debian's wordpress package (apt-get install wordpress)");
    return copyWordPressCore(target, 'debian');
  }
  if (version === '6.5') {
    const source = copyWordPressCore(target, 'playground');
    copyClassicTheme(target);
    return source;
  }
  const archive = currentReleaseArchive();
  if (archive === null) throw new Error(`${currentRelease.file} is not available`);
  const unpacked = spawnSync('tar', ['-xzf', archive, '-C', target, '--strip-components=1'], { encoding: 'utf8' });
  if (unpacked.status !== 0) throw new Error(`Could not unpack ${archive}: ${unpacked.stderr}`);
  copyClassicTheme(target);
  return `${currentRelease.file} (checksum verified)`;
}

function copyClassicTheme(target: string): void {
  const theme = join(debianWordPress, 'wp-content', 'themes', classicTheme);
  const destination = join(target, 'wp-content', 'themes', classicTheme);
  if (existsSync(theme) && !existsSync(destination)) cpSync(theme, destination, { recursive: true, dereference: true });
}

/** `$wp_version` of the WordPress files in `wordpressDir`. */
export function wordPressVersionIn(wordpressDir: string): string {
  const file = join(wordpressDir, 'wp-includes', 'version.php');
  if (!existsSync(file)) return 'unknown';
  return /\$wp_version\s*=\s*'([^']+)'/.exec(readFileSync(file, 'utf8'))?.[1] ?? 'unknown';
}
