/**
 * Gzip sizes of what each part of a built extension loads: the service worker, the content script
 * and the popup, each with every chunk it imports (shared chunks count for each part using them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = [...code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map((m) => m[1] ?? '');
  return found.map((spec) => normalize(join(dirname(file), spec)));
}

export function closure(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (!file || seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return [...seen];
}

const gzip = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);

export interface BundleSizes {
  background: number;
  content: number;
  /** the inline view, injected into articles only */
  inline: number;
  popup: number;
  /** the side panel: the popup's app in its other frame (ADR 024) */
  panel: number;
  options: number;
}

function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => join(dir, m[1] ?? ''));
}

/** Bytes (gzip) each part loads. */
export function bundleSizes(dir: string): BundleSizes {
  return {
    background: gzip(closure([join(dir, 'service-worker-loader.js')])),
    content: gzip(closure([join(dir, 'src/content/content-script.js')])),
    inline: gzip(closure([join(dir, 'src/content/inline/inline-view.js')])),
    popup: gzip(closure(pageScripts(dir, 'src/popup/index.html'))),
    panel: gzip(closure(pageScripts(dir, 'src/popup/sidepanel.html'))),
    options: gzip(closure(pageScripts(dir, 'src/options/index.html'))),
  };
}

export function describeSizes(dir: string): string {
  const sizes = bundleSizes(dir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  return `${relative('.', dir)} (gzip): background ${kb(sizes.background)} · content script ${kb(sizes.content)} · inline view ${kb(sizes.inline)} · popup ${kb(sizes.popup)} · side panel ${kb(sizes.panel)} · options ${kb(sizes.options)}`;
}
