/**
 * The Freigabe Bridge plugin as WordPress.org and "Upload Plugin" expect it: one zip whose top
 * directory is the plugin's folder (freigabe-bridge/…), named after the version in the plugin's
 * header (the extension's version while the plugin has none).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deterministicZip, entriesUnder } from './zip.ts';

export const bridgeSlug = 'freigabe-bridge';
export const bridgeDir = `wordpress-plugin/${bridgeSlug}`;

/** `Version:` from the plugin's main file header, as WordPress reads it. */
export function bridgeVersion(root: string): string | undefined {
  const main = join(root, bridgeDir, `${bridgeSlug}.php`);
  if (!existsSync(main)) return undefined;
  // WordPress reads the first 8 kB for headers.
  const header = readFileSync(main, 'utf8').slice(0, 8192);
  return /^[ \t/*#@]*Version:[ \t]*([^\r\n]+?)[ \t]*$/im.exec(header)?.[1];
}

export function bridgeZipName(root: string, fallbackVersion: string): string {
  return `${bridgeSlug}-${bridgeVersion(root) ?? fallbackVersion}.zip`;
}

export function bridgeZip(root: string): Uint8Array {
  const dir = join(root, bridgeDir);
  if (!existsSync(dir)) throw new Error(`${bridgeDir} is missing: the Bridge plugin zip is made from that folder`);
  return deterministicZip(entriesUnder(dir, `${bridgeSlug}/`));
}
