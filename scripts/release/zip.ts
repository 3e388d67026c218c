/**
 * Zips that depend on nothing but their files' contents (ADR 025): entries sorted by path, one fixed
 * time and fixed Unix permissions on every entry, no source maps. fflate writes the DOS time from the
 * *local* clock fields of the Date it is given, so the fixed time is built from local fields too:
 * the same bytes in every time zone (a UTC instant gave New York and Berlin different zips).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  /** path inside the zip, with forward slashes */
  path: string;
  data: Uint8Array;
  executable?: boolean;
}

/** 2026-01-01 12:00 on the local clock (read when zipping: the zone is the one in force then); noon,
 * so no daylight-saving gap can move it. */
export const fixedZipTime = () => new Date(2026, 0, 1, 12, 0, 0);
const unixHost = 3;
const fileMode = 0o100644;
const executableMode = 0o100755;

const byPath = (a: ZipEntry, b: ZipEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function deterministicZip(entries: ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const entry of [...entries].sort(byPath)) {
    // An index-like key ("7") would be listed first by the object fflate walks, whatever its order.
    if (/^(0|[1-9]\d*)$/.test(entry.path))
      throw new Error(`zip entry "${entry.path}": a bare number cannot keep its place`);
    if (entry.path.endsWith('.map')) throw new Error(`${entry.path}: release packages must not contain source maps`);
    if (entry.path in files) throw new Error(`zip entry "${entry.path}" twice`);
    const mode = entry.executable ? executableMode : fileMode;
    files[entry.path] = [entry.data, { level: 9, mtime: fixedZipTime(), os: unixHost, attrs: (mode << 16) >>> 0 }];
  }
  return zipSync(files);
}

/** Every file under `dir`, as entries named relative to it (with `prefix/` in front when given). */
export function entriesUnder(dir: string, prefix = ''): ZipEntry[] {
  const walk = (at: string): string[] =>
    readdirSync(at).flatMap((name) => {
      const path = join(at, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dir).map((path) => ({
    path: `${prefix}${relative(dir, path).replaceAll('\\', '/')}`,
    data: readFileSync(path),
  }));
}

export interface ZipListing {
  path: string;
  /** the DOS date and time words as stored */
  dosTime: number;
  dosDate: number;
  /** Unix mode from the external attributes (0 when the zip was not made on Unix) */
  mode: number;
}

/** The central directory of a zip, read back: what release tests check. */
export function listZip(zip: Uint8Array): ZipListing[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const listing: ZipListing[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`zip: central directory entry ${i} is damaged`);
    const host = view.getUint8(at + 5);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    listing.push({
      path: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      mode: host === unixHost ? external >>> 16 : 0,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return listing;
}
