/**
 * Each test level gets its own WordPress (own port, own state) so levels never disturb each other.
 * The suite runs on the current WordPress (7.1; `FREIGABE_WP_CORE` picks another); the `compat-*`
 * projects run a subset on 6.1, the oldest version we test. (The `smoke` project needs none: its
 * benchmarks and soak start their own, on FREIGABE_BENCH_PORT and FREIGABE_SOAK_PORT.)
 */
import { type CoreVersion, defaultCore, isCoreVersion } from '../../scripts/wp/cores.ts';

const requested = process.env.FREIGABE_WP_CORE;
const suiteCore: CoreVersion = isCoreVersion(requested) ? requested : defaultCore;

function site(name: string, fallbackPort: number, core: CoreVersion) {
  const variable = `FREIGABE_TEST_PORT_${name.toUpperCase().replace(/-/g, '_')}`;
  return { port: Number(process.env[variable] ?? fallbackPort), dir: `.wp/test-${name}`, core };
}

export const testSites = {
  integration: site('integration', 8891, suiteCore),
  e2e: site('e2e', 8892, suiteCore),
  'e2e-firefox': site('e2e-firefox', 8907, suiteCore),
  'e2e-jobs': site('e2e-jobs', 8909, suiteCore),
  playground: site('playground', 8893, '6.5'),
  'compat-integration': site('compat-integration', 8905, '6.1'),
  'compat-e2e': site('compat-e2e', 8906, '6.1'),
} as const;

export type TestLevel = keyof typeof testSites;

export function isTestLevel(name: string): name is TestLevel {
  return name in testSites;
}
