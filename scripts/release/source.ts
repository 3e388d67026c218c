/**
 * The source zip for Firefox's review (and the only input of the release build, see release.ts):
 * the files git knows — tracked, plus untracked-but-not-ignored ones, which only a dirty tree has —
 * with their executable bits, and SOURCE-BUILD.md saying how to rebuild the store packages from it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ZipEntry } from './zip.ts';

export const sourceBuildFile = 'SOURCE-BUILD.md';

export function git(root: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.error) throw new Error(`git ${args.join(' ')}: ${result.error.message} (is git installed?)`);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** The paths git would put in a commit of this tree: tracked files that still exist, and new ones. */
export function sourceFiles(root: string): string[] {
  return git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(root, path)) && statSync(join(root, path)).isFile())
    .filter((path, index, all) => all.indexOf(path) === index);
}

export function sourceBuildText(version: string, commit: string, dirty: boolean): string {
  return `# Building Freigabe ${version} from this source

This archive holds the source of Freigabe ${version}${dirty ? ` (commit ${commit} with local changes)` : ` (commit ${commit})`}.
The store packages are built from exactly these files, and the build is reproducible: the zips you
build match the ones we uploaded byte for byte (their SHA-256 sums are in \`SHA256SUMS\` beside the
release, and \`npm run build\` prints where it wrote them).

## Requirements
- Linux, macOS or Windows with **Node.js 20.19 or later** (Node 20 LTS or 22; the release was made
  with Node 20 on Debian 12) and the npm that comes with it (npm 10 or later).
- Network access to the npm registry for \`npm ci\`. Nothing else is downloaded by the build.

## Steps
\`\`\`sh
npm ci            # the exact dependency versions from package-lock.json
npm run build     # Vite + @crxjs/vite-plugin for Chrome and Firefox, then web-ext lint on the Firefox build
\`\`\`
On Node 20, \`npm ci\` warns that the @wp-playground packages want a newer Node (EBADENGINE): they
run the test WordPress only and take no part in the build.

## What it produces
- \`dist/firefox/\` — the unpacked Firefox add-on; \`dist/freigabe-firefox-${version}.zip\` — the package for addons.mozilla.org
- \`dist/chrome/\` and \`dist/freigabe-chrome-${version}.zip\` — the Chrome Web Store package
- \`dist/freigabe-bridge-*.zip\` — the optional WordPress plugin, from \`wordpress-plugin/freigabe-bridge/\`

No generated, minified or third-party code is checked in: every file in the packages comes from
\`src/\`, \`public/\` and the npm packages pinned in \`package-lock.json\`. Source maps are not shipped.
See \`docs/adr/025-reproducible-releases.md\` for what makes two builds identical.
`;
}

export function sourceEntries(root: string, version: string, commit: string, dirty: boolean): ZipEntry[] {
  const entries: ZipEntry[] = sourceFiles(root)
    .filter((path) => path !== sourceBuildFile)
    .map((path) => ({
      path,
      data: readFileSync(join(root, path)),
      executable: (statSync(join(root, path)).mode & 0o100) !== 0,
    }));
  entries.push({ path: sourceBuildFile, data: new TextEncoder().encode(sourceBuildText(version, commit, dirty)) });
  return entries;
}
