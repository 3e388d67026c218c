/**
 * Three levels of tests (no crx plugin here):
 *   unit         — fake browser API + fake-indexeddb, no network
 *   integration  — Node against a real WordPress started once per run (native backend)
 *   e2e          — the built extension in Chromium against its own real WordPress
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

const fakeBrowser = fileURLToPath(new URL('./test/support/fake-browser.ts', import.meta.url));

export default defineConfig({
  plugins: [preact()],
  define: { __FREIGABE_MODE__: JSON.stringify('test'), __FREIGABE_TARGET__: JSON.stringify('chrome') },
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
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/wp-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
