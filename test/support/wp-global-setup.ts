/**
 * Vitest global setup: one real WordPress per test project and run, on the native backend (never a
 * silent fallback to Playground: a suite at ~1.4 s per request would take far too long).
 * Started fresh (database dropped and seeded again) so every run begins from the demo content.
 */
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { type SiteInfo, startWordPress } from '../../scripts/wp/index.ts';
import { isTestLevel, testSites } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    wp: SiteInfo;
    /** the site's folder (for setup actions that run PHP inside it) */
    wpDir: string;
  }
}

export default async function setup(project: TestProject) {
  const level = isTestLevel(project.name) ? project.name : 'integration';
  const { port, dir, core } = testSites[level];
  const log = (message: string) => console.log(`[wp:${level}] ${message}`);
  const start = () => startWordPress({ backend: 'native', port, dir, core, fresh: true, log });
  // Once more when the start or the seeding failed: a test lane failed in CI within seconds of its
  // start, and MariaDB had crashed (signal 11) under WordPress's install here. A second failure stands.
  const site = await start().catch((error: unknown) => {
    log(`the site did not start (${String(error).split('\n')[0]}): once more`);
    return start();
  });
  console.log(
    `[wp:${level}] WordPress ${site.info.wpVersion} at ${site.url} ready in ${(site.startupMs / 1000).toFixed(1)} s (${site.info.describe})`,
  );
  project.provide('wp', site.info);
  project.provide('wpDir', site.dir);
  return async () => {
    await site.stop();
  };
}
