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
  const site = await startWordPress({
    backend: 'native',
    port,
    dir,
    core,
    fresh: true,
    log: (message) => console.log(`[wp:${level}] ${message}`),
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
