/**
 * A WordPress in another install layout (its own directory, a sub-directory multisite) for the test
 * file that needs it: started once by that file (beforeAll) and stopped by it (afterAll), so runs
 * that do not need it pay nothing. It sits next to the level's own site (`<wpDir>-<layout>`), runs
 * the same core, and takes a port the system hands out (`FREIGABE_TEST_PORT_<LEVEL>_<LAYOUT>` pins
 * one), so levels and parallel runs never meet.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../../scripts/extension-browser.ts';
import { type CoreVersion, type Layout, startWordPress, type WordPressSite } from '../../scripts/wp/index.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startLayoutSite(
  layout: Exclude<Layout, 'standard'>,
  level: { wpDir: string; core: CoreVersion },
): Promise<WordPressSite> {
  const dir = `${level.wpDir}-${layout}`;
  const variable = `FREIGABE_TEST_PORT_${basename(dir)
    .replace(/^test-/, '')
    .toUpperCase()
    .replace(/-/g, '_')}`;
  const port = process.env[variable] ? Number(process.env[variable]) : await freePort();
  const site = await startWordPress({
    backend: 'native',
    port,
    dir,
    core: level.core,
    layout,
    fresh: true,
    log: (message) => console.log(`[wp:${basename(dir)}] ${message}`),
  });
  console.log(
    `[wp:${basename(dir)}] WordPress ${site.info.wpVersion} (${layout}) at ${site.url} ready in ${(site.startupMs / 1000).toFixed(1)} s`,
  );
  return site;
}

/** What the window shows (a full-page shot of a long article is too tall to look at). */
export async function viewportShot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
