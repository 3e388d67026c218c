/**
 * Three levels of tests (no crx plugin here):
 *   unit         — fake browser API + fake-indexeddb, no network
 *   integration  — Node against a real WordPress started once per run (native backend)
 *   e2e          — the built extension in Chromium against its own real WordPress
 *   e2e-firefox  — the Firefox build in Firefox, against a WordPress of its own
 *   smoke        — the benchmarks' and the storm soak's smoke runs (each starts its own WordPress)
 * All of them run on the current WordPress (7.1). The compat-* projects run the part that proves
 * the basics — connect with each sign-in, sync, every decision kind, the inline view on a classic
 * and a block theme — again on WordPress 6.1, the oldest version we test.
 * Projects that share no WordPress can run side by side: npm test runs them in lanes (ADR 032).
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { configDefaults, defineConfig } from 'vitest/config';

/** What WordPress 6.1 must pass too (see the README's "supported WordPress"). */
const compatIntegration = [
  'test/integration/client.test.ts',
  'test/integration/operations.test.ts',
  'test/integration/session.test.ts',
  'test/integration/sync.test.ts',
  'test/integration/outbox.test.ts',
  'test/integration/bridge-bulk.test.ts',
  'test/integration/bridge-ids.test.ts',
  'test/integration/bridge-akismet.test.ts',
  'test/integration/bridge-akismet-verdict.test.ts',
  'test/integration/bridge-detect.test.ts',
  'test/integration/bridge-outbox.test.ts',
  'test/integration/bridge-blocklist.test.ts',
  'test/integration/jobs-bridge.test.ts',
];
const compatE2e = ['test/e2e/connect.test.ts', 'test/e2e/inline.test.ts'];
const firefoxE2e = ['test/e2e/firefox*.test.ts'];
/** The long e2e files of bulk jobs and updates: a WordPress of their own, so they run in another lane. */
const jobsE2e = ['test/e2e/jobs*.test.ts', 'test/e2e/update.test.ts'];
/** Smoke runs of tools that start their own WordPress and browser: they need no project's site. */
const smoke = ['test/integration/bench-smoke.test.ts', 'test/e2e/soak-smoke.test.ts'];

/** The e2e projects: a browser against the project's own WordPress, one file at a time. */
const browserLevel = {
  environment: 'node',
  globalSetup: ['test/support/wp-global-setup.ts'],
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 180_000,
};

const fakeBrowser = fileURLToPath(new URL('./test/support/fake-browser.ts', import.meta.url));

export default defineConfig({
  plugins: [preact()],
  define: {
    __FREIGABE_MODE__: JSON.stringify('test'),
    __FREIGABE_TARGET__: JSON.stringify('chrome'),
    __FREIGABE_NEXT_SCHEMA__: 'false',
  },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        resolve: { alias: { 'webextension-polyfill': fakeBrowser } },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          // DOM tests opt in per file with `// @vitest-environment jsdom`.
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        extends: true,
        resolve: { alias: { 'webextension-polyfill': fakeBrowser } },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...smoke],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          globalSetup: ['test/support/wp-global-setup.ts'],
          // One WordPress for all files: files that change comments must not race files that count them.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        resolve: { alias: { 'webextension-polyfill': fakeBrowser } },
        test: {
          name: 'compat-integration',
          include: compatIntegration,
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          globalSetup: ['test/support/wp-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'compat-e2e',
          include: compatE2e,
          env: { FREIGABE_SCREENSHOTS: 'test-results/screenshots-wordpress-6.1' },
          ...browserLevel,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...firefoxE2e, ...jobsE2e, ...smoke],
          ...browserLevel,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-jobs',
          include: jobsE2e,
          ...browserLevel,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-firefox',
          include: firefoxE2e,
          ...browserLevel,
        },
      },
      {
        extends: true,
        test: {
          name: 'smoke',
          include: smoke,
          environment: 'node',
          // One at a time: each run starts a WordPress and a browser of its own.
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
