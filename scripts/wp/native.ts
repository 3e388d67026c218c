/**
 * The native backend: system PHP 8 + MariaDB/MySQL, each a child process of ours. MariaDB runs
 * unprivileged, socket-only, in its own data directory; WordPress is served by `php -S`.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCore, wordPressVersionIn } from './cores.ts';
import { folders, layoutOf, siteUrlOf, writeRootIndex } from './layouts.ts';
import {
  isAlive,
  isPortFree,
  readPid,
  run,
  startLogged,
  stopChild,
  stopProcess,
  waitFor,
  waitForRestApi,
  which,
} from './process.ts';
import type { Backend, RunningBackend } from './types.ts';
import { phpDir, writeWpConfig } from './wp-files.ts';

interface NativeTools {
  php: string;
  mariadbd: string;
  installDb: string;
  client: string;
}

export function findNativeTools(): { tools: NativeTools | null; missing: string[] } {
  const php = which('php');
  const mariadbd = which('mariadbd') ?? which('mysqld');
  const installDb = which('mariadb-install-db') ?? which('mysql_install_db');
  const client = which('mariadb') ?? which('mysql');
  const missing: string[] = [];
  if (!php) missing.push('php (php-cli)');
  else {
    const modules = spawnSync(php, ['-m'], { encoding: 'utf8' }).stdout ?? '';
    for (const mod of ['mysqli', 'mbstring', 'xml']) {
      if (!modules.split('\n').some((line) => line.trim().toLowerCase() === mod)) missing.push(`PHP extension ${mod}`);
    }
  }
  if (!mariadbd) missing.push('mariadbd (mariadb-server)');
  if (!installDb) missing.push('mariadb-install-db (mariadb-server)');
  if (!client) missing.push('mariadb (mariadb-client)');
  if (missing.length > 0 || !php || !mariadbd || !installDb || !client) return { tools: null, missing };
  return { tools: { php, mariadbd, installDb, client }, missing };
}

function socketPath(dir: string): string {
  const preferred = join(dir, 'mysql.sock');
  // Unix socket paths are limited to ~107 bytes.
  if (preferred.length < 100) return preferred;
  const short = join(tmpdir(), `freigabe-${Buffer.from(dir).toString('base64url').slice(-16)}.sock`);
  return short;
}

function asRoot(): string[] {
  return process.getuid?.() === 0 ? ['--user=root'] : [];
}

export const nativeBackend: Backend = {
  name: 'native',
  async start({ dir, port, fresh, core, layout, log }) {
    const { tools, missing } = findNativeTools();
    if (!tools) throw new Error(`The native backend needs: ${missing.join(', ')}`);
    const url = `http://127.0.0.1:${port}`;
    const dataDir = join(dir, 'mysql');
    const { documentRoot: wordpressDir, coreDir } = folders(dir, layout);
    const socket = socketPath(dir);
    const mysqlLog = join(dir, 'mariadb.log');
    const phpLog = join(dir, 'php.log');
    const mysqlPidFile = join(dir, 'mariadb.pid');
    // Its own folder for temporary tables, not the /tmp every other MariaDB here shares: a server that
    // could not create one there crashed with signal 11 under WordPress's install (`DESCRIBE`).
    const mysqlTmp = join(dir, 'mysql-tmp');

    // A MariaDB left behind by a run that was killed holds the data directory: end it first.
    const stale = readPid(mysqlPidFile);
    if (stale && isAlive(stale)) await stopProcess(stale, 10000);

    // The files of another core or layout (or none yet): lay out the requested one from scratch.
    const coreMarker = join(dir, 'core.txt');
    const installedCore = existsSync(coreMarker) ? readFileSync(coreMarker, 'utf8').trim() : null;
    if (installedCore !== core || layoutOf(dir) !== layout || !existsSync(join(coreDir, 'wp-includes'))) {
      rmSync(wordpressDir, { recursive: true, force: true });
      log(`WordPress files from ${installCore(coreDir, core)}${layout === 'standard' ? '' : ` (layout: ${layout})`}`);
      if (layout === 'own-directory') writeRootIndex(wordpressDir, coreDir);
      writeFileSync(coreMarker, core);
    }
    if (!existsSync(join(dataDir, 'mysql'))) {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      rmSync(mysqlTmp, { recursive: true, force: true });
      mkdirSync(mysqlTmp, { recursive: true });
      run(
        tools.installDb,
        [
          '--no-defaults',
          `--datadir=${dataDir}`,
          // Its own temporary tables too, not in /tmp: installs running side by side (the test
          // lanes) once failed there with "Could not remove temporary table '/tmp/#sql-temptable-…'".
          `--tmpdir=${mysqlTmp}`,
          '--auth-root-authentication-method=normal',
          '--skip-test-db',
          '--skip-name-resolve',
          ...asRoot(),
        ],
        'mariadb-install-db',
      );
    }

    /** MariaDB first, PHP second: stopped in reverse order */
    const children: ChildProcess[] = [];
    const stopAll = async () => {
      for (const child of [...children].reverse()) await stopChild(child);
    };
    const sql = (statement: string) =>
      spawnSync(tools.client, ['--no-defaults', '-uroot', `--socket=${socket}`, '-e', statement], {
        encoding: 'utf8',
      });
    const startMariaDb = async () => {
      rmSync(socket, { force: true });
      rmSync(mysqlTmp, { recursive: true, force: true });
      mkdirSync(mysqlTmp, { recursive: true });
      const mariadb = startLogged(
        tools.mariadbd,
        [
          '--no-defaults',
          `--datadir=${dataDir}`,
          `--socket=${socket}`,
          `--tmpdir=${mysqlTmp}`,
          '--skip-networking',
          `--pid-file=${mysqlPidFile}`,
          `--log-error=${mysqlLog}`,
          '--skip-log-bin',
          '--innodb-buffer-pool-size=64M',
          '--innodb-flush-log-at-trx-commit=2',
          '--skip-name-resolve',
          ...asRoot(),
        ],
        mysqlLog,
      );
      children[0] = mariadb;
      await waitFor('MariaDB', () => existsSync(socket) && sql('SELECT 1').status === 0, {
        timeoutMs: 30000,
        child: mariadb,
        logFile: mysqlLog,
      });
    };
    const startPhp = async () => {
      const php = startLogged(
        tools.php,
        [
          '-d',
          'memory_limit=512M',
          '-d',
          'max_execution_time=0',
          '-S',
          `127.0.0.1:${port}`,
          '-t',
          wordpressDir,
          join(phpDir, 'router.php'),
        ],
        phpLog,
        // The router reproduces the layout's rewrite rules (a network's .htaccess).
        { PHP_CLI_SERVER_WORKERS: '4', FREIGABE_WP_LAYOUT: layout },
      );
      children[1] = php;
      await waitForRestApi(url, 'PHP server', { timeoutMs: 30000, child: php, logFile: phpLog });
    };
    try {
      await startMariaDb();
      if (fresh) sql('DROP DATABASE IF EXISTS wordpress');
      const created = sql('CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4');
      if (created.status !== 0) throw new Error(`Could not create the database: ${created.stderr}`);

      const dbHost = `localhost:${socket}`;
      writeWpConfig(coreDir, { url, dbHost, layout });
      const installed = run(
        tools.php,
        [join(phpDir, 'install.php'), coreDir, layout, url, siteUrlOf(url, layout)],
        'WordPress install',
      );
      if (installed.includes('network installed')) log('a sub-directory network (install_network, populate_network)');
      // A network's constants only once its tables exist (as wp-admin/network.php has it).
      if (layout === 'multisite') writeWpConfig(coreDir, { url, dbHost, layout, network: true });
      await startPhp();
    } catch (error) {
      await stopAll();
      throw error;
    }
    const running: RunningBackend = {
      url,
      wordpressDir,
      coreDir,
      siteUrl: siteUrlOf(url, layout),
      pids: children.map((child) => child.pid ?? 0).filter(Boolean),
      wpVersion: wordPressVersionIn(coreDir),
      stop: stopAll,
      async restart(part) {
        // PHP as the OOM killer ends it (its workers too: the group); MariaDB shut down as a package upgrade does.
        const index = part === 'php' ? 1 : 0;
        const child = children[index];
        const pid = child?.pid;
        if (pid !== undefined && part === 'php') {
          process.kill(-pid, 'SIGKILL');
          await waitFor('PHP killed', () => isPortFree(port), { timeoutMs: 10000 });
        } else if (child) await stopChild(child, 30000);
        if (part === 'php') await startPhp();
        else await startMariaDb();
        running.pids.splice(0, running.pids.length, ...children.map((one) => one.pid ?? 0).filter(Boolean));
      },
      describe: `native: ${run(tools.php, ['-r', 'echo "PHP ".PHP_VERSION;'], 'php version')} + ${run(tools.mariadbd, ['--version'], 'mariadb version').trim().split(/\s+/).slice(0, 3).join(' ')}`,
    };
    return running;
  },
};
