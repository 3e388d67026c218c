/**
 * Where the test WordPress comes from: the 7.1 archive is taken into our own cache folder only
 * with the right checksum, a damaged cached copy is replaced, and without the archive anywhere 7.1
 * falls back to 6.1 with a one-line notice that names where it looked.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentRelease, currentReleaseArchive, isCoreVersion, resolveCore } from '../../../scripts/wp/cores.ts';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'freigabe-cores-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the WordPress core archive', () => {
  it('knows the versions it can serve', () => {
    expect(['7.1', '6.1', '6.5'].every(isCoreVersion)).toBe(true);
    expect(isCoreVersion('7.0')).toBe(false);
  });

  it('falls back to 6.1 with one line when the archive is nowhere', () => {
    const cache = tempDir();
    const empty = tempDir();
    const resolved = resolveCore('7.1', { cache, sources: [empty] });
    expect(resolved.version).toBe('6.1');
    expect(resolved.notice).toMatch(/WordPress 7\.1 is not available .* running Debian's WordPress 6\.1 instead/);
    expect(resolved.notice).toContain(empty);
    expect(resolved.notice).not.toContain('\n');
    expect(resolveCore('6.1', { cache, sources: [empty] })).toEqual({ requested: '6.1', version: '6.1', notice: null });
  });

  it('ignores an archive with the wrong checksum', () => {
    const cache = tempDir();
    const source = tempDir();
    writeFileSync(join(source, currentRelease.file), 'not WordPress');
    const said: string[] = [];
    expect(currentReleaseArchive({ cache, sources: [source], log: (line) => said.push(line) })).toBeNull();
    expect(said.join()).toMatch(/wrong checksum/);
    expect(existsSync(join(cache, currentRelease.file))).toBe(false);
  });

  it('copies the verified archive into its cache and replaces a damaged cached copy', () => {
    const content = 'a release archive';
    const release = { file: 'wordpress-test.tar.gz', sha256: createHash('sha256').update(content).digest('hex') };
    const cache = tempDir();
    const source = tempDir();
    writeFileSync(join(source, release.file), content);
    const cached = currentReleaseArchive({ release, cache, sources: [source] });
    expect(cached).toBe(join(cache, release.file));
    writeFileSync(cached as string, 'damaged');
    const said: string[] = [];
    expect(currentReleaseArchive({ release, cache, sources: [source], log: (line) => said.push(line) })).toBe(cached);
    expect(said.join()).toMatch(/wrong checksum: replacing it/);
    expect(readFileSync(cached as string, 'utf8')).toBe(content);
  });
});
