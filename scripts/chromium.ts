/** Finds a Chromium that loads unpacked extensions: CHROME_PATH first, then the usual places. */
import { existsSync } from 'node:fs';

export const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The binary named by the environment variable (which must exist), else the first candidate found. */
export function findBinary(envVariable: string, candidates: readonly string[]): string | null {
  const fromEnv = process.env[envVariable];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates.find((path) => existsSync(path)) ?? null;
}

export function findChromium(): string | null {
  return findBinary('CHROME_PATH', chromiumCandidates);
}
