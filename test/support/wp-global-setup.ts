/**
 * Vitest global setup: one real WordPress per test level and run, on the native backend (never a
 * silent fallback to Playground: a suite at ~1.4 s per request would take far too long).
 * Started fresh (database dropped and seeded again) so every run begins from the demo content.
 */
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { type SiteInfo, startWordPress } from '../../scripts/wp/index.ts';
import { testSites } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    wp: SiteInfo;
  }
}

export default async function setup(project: TestProject) {
  const level = project.name === 'e2e' ? 'e2e' : 'integration';
  const { port, dir } = testSites[level];
  const site = await startWordPress({
    backend: 'native',
    port,
    dir,
    fresh: true,
    log: (message) => console.log(`[wp:${level}] ${message}`),
  });
  console.log(`[wp:${level}] ${site.url} ready in ${(site.startupMs / 1000).toFixed(1)} s (${site.info.describe})`);
  project.provide('wp', site.info);
  return async () => {
    await site.stop();
  };
}
