/**
 * The Playground backend: WordPress 6.5 on PHP compiled to WebAssembly with SQLite, from npm alone.
 * Portable to any OS, but ~25x slower per request than the native backend (see wordpress.md).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { wordPressVersionIn } from './cores.ts';
import { startLogged, stopChild, waitForRestApi } from './process.ts';
import type { Backend } from './types.ts';
import { copyWordPressCore, writeWpConfig } from './wp-files.ts';

const require = createRequire(import.meta.url);

export const playgroundBackend: Backend = {
  name: 'playground',
  async start({ dir, port, fresh, log }) {
    const url = `http://127.0.0.1:${port}`;
    const wordpressDir = join(dir, 'wordpress');
    const logFile = join(dir, 'playground.log');
    if (fresh) rmSync(wordpressDir, { recursive: true, force: true });
    if (!existsSync(join(wordpressDir, 'wp-includes'))) {
      mkdirSync(wordpressDir, { recursive: true });
      log(`WordPress files from the ${copyWordPressCore(wordpressDir, 'playground')}`);
    }
    writeWpConfig(wordpressDir, { url, dbHost: 'localhost' });
    const cli = join(dirname(require.resolve('@wp-playground/cli/package.json')), 'wp-playground.js');
    const child: ChildProcess = startLogged(
      process.execPath,
      [
        cli,
        'server',
        `--port=${port}`,
        `--site-url=${url}`,
        '--php=8.3',
        '--wordpress-install-mode=install-from-existing-files-if-needed',
        `--mount-before-install=${wordpressDir}:/wordpress`,
        '--workers=2',
        '--verbosity=quiet',
      ],
      logFile,
    );
    try {
      await waitForRestApi(url, 'WordPress Playground', { timeoutMs: 120000, child, logFile });
    } catch (error) {
      await stopChild(child);
      throw error;
    }
    return {
      url,
      wordpressDir,
      coreDir: wordpressDir,
      siteUrl: url,
      pids: child.pid ? [child.pid] : [],
      describe: 'playground: PHP 8.3 (WebAssembly) + SQLite',
      wpVersion: wordPressVersionIn(wordpressDir),
      stop: () => stopChild(child, 10000),
    };
  },
};
