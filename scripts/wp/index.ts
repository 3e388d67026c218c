/**
 * Starts a real WordPress for the demo and the tests, seeded with the demo content.
 *   const site = await startWordPress({ backend: 'auto', port: 8881, dir: '.wp/demo' });
 *   site.info.users — logins, passwords and Application Passwords; site.stop() ends it.
 * `layout: 'own-directory' | 'multisite'` lays WordPress out as those setups do (layouts.ts).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CoreVersion, defaultCore, resolveCore } from './cores.ts';
import { type Layout, setupTarget, siteUrlOf, writeLayoutMarker } from './layouts.ts';
import { findNativeTools, nativeBackend } from './native.ts';
import { type NetworkInfo, networkContent } from './network-content.ts';
import { playgroundBackend } from './playground.ts';
import { isPortFree, stopProcess } from './process.ts';
import { runSetup } from './setup-request.ts';
import type { Backend, BackendName, BackendStartOptions, RunningBackend } from './types.ts';

export type { CoreVersion } from './cores.ts';
export type { Layout } from './layouts.ts';
export type { NetworkInfo, NetworkSite, NetworkUser } from './network-content.ts';
export type { BackendName } from './types.ts';

export interface DemoSiteUser {
  key: 'admin' | 'editor' | 'author';
  id: number;
  login: string;
  password: string;
  applicationPassword: string;
  role: string;
  displayName: string;
}

export interface SiteInfo {
  /** `home` of the (main) site: where the blog is read */
  url: string;
  /** `siteurl`: where WordPress itself lives (wp-admin, wp-login.php); `url` except in the own-directory layout */
  siteUrl: string;
  layout: Layout;
  backend: BackendName;
  describe: string;
  /** the WordPress version really served (`$wp_version`) */
  wpVersion: string;
  /** the core asked for (7.1 falls back to 6.1 when its archive is nowhere to be had) */
  core: CoreVersion;
  theme: string;
  users: DemoSiteUser[];
  posts: { key: string; id: number; link: string }[];
  /** comment ids by their key in demo-content.ts */
  comments: Record<string, number>;
  /** editor notes' ids by their key in demo-content.ts (none before WordPress 6.9) */
  notes: Record<string, number>;
  /** multisite: the sub-sites and the users of the network (network-content.ts) */
  network?: NetworkInfo;
}

export interface StartOptions {
  backend?: BackendName | 'auto';
  port?: number;
  dir?: string;
  /** wipe the database and seed again */
  fresh?: boolean;
  /** theme slug to switch to after seeding; default: the classic twentytwentyone where available */
  theme?: string;
  /** which WordPress: 7.1 (default), 6.1 (Debian's), 6.5 (Playground's build) */
  core?: CoreVersion;
  /** standard (default), WordPress in its own directory, or a sub-directory network (native backend only) */
  layout?: Layout;
  log?: (message: string) => void;
}

export interface WordPressSite {
  info: SiteInfo;
  url: string;
  dir: string;
  credentialsFile: string;
  startupMs: number;
  pids: number[];
  stop(): Promise<void>;
  /** PHP killed or MariaDB restarted, then serving again (the native backend; the storm soak's faults) */
  restart(part: 'php' | 'mariadb'): Promise<void>;
}

export function chooseBackend(requested: BackendName | 'auto'): { backend: Backend; reason: string } {
  if (requested === 'native') return { backend: nativeBackend, reason: 'asked for native' };
  if (requested === 'playground') return { backend: playgroundBackend, reason: 'asked for playground' };
  const { tools, missing } = findNativeTools();
  if (tools) return { backend: nativeBackend, reason: 'PHP and MariaDB/MySQL are installed (~50 ms per request)' };
  return {
    backend: playgroundBackend,
    reason: `native needs ${missing.join(', ')}; Playground runs from npm alone but is ~25x slower per request`,
  };
}

export async function startWordPress(options: StartOptions = {}): Promise<WordPressSite> {
  const started = Date.now();
  const port = options.port ?? 8881;
  const dir = resolve(options.dir ?? '.wp/demo');
  const log = options.log ?? ((message: string) => console.log(`[wp] ${message}`));
  const { backend, reason } = chooseBackend(options.backend ?? 'auto');
  log(`backend: ${backend.name} (${reason})`);
  const resolved = resolveCore(options.core ?? defaultCore, { log });
  if (resolved.notice) log(resolved.notice);
  // Playground serves its own build whatever is asked.
  const core: CoreVersion = backend.name === 'playground' ? '6.5' : resolved.version;
  const layout = options.layout ?? 'standard';
  if (layout !== 'standard' && backend.name !== 'native') {
    throw new Error(`The ${layout} layout needs the native backend (PHP and MariaDB/MySQL).`);
  }
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is in use. Stop what runs there (npm run wp -- stop) or pick another port (--port=N).`,
    );
  }
  mkdirSync(dir, { recursive: true });
  await stopLeftovers(dir);
  const credentialsFile = join(dir, 'credentials.json');
  const previous = readCredentials(credentialsFile);
  const backendChanged = previous !== null && previous.backend !== backend.name;
  const coreChanged = previous !== null && previous.core !== core;
  const layoutChanged = previous !== null && (previous.layout ?? 'standard') !== layout;
  // A network keeps its domain (with the port) in its tables: another port needs a new network.
  const networkMoved = layout === 'multisite' && previous !== null && previous.url !== `http://127.0.0.1:${port}`;
  const fresh = Boolean(options.fresh) || backendChanged || coreChanged || layoutChanged || networkMoved;
  if (backendChanged) log(`the site in ${dir} was made by ${previous?.backend}: starting a fresh one`);
  else if (coreChanged) log(`the site in ${dir} ran WordPress ${previous?.core}: starting a fresh ${core}`);
  else if (layoutChanged) log(`the site in ${dir} had the ${previous?.layout ?? 'standard'} layout: starting afresh`);
  const running = await startBackend(backend, { dir, port, fresh, core, layout, log });
  writeLayoutMarker(dir, layout);
  const pidsFile = join(dir, 'pids.json');
  writeFileSync(pidsFile, JSON.stringify(running.pids));
  try {
    let info =
      fresh || previous === null || previous.url !== running.url
        ? null
        : // (credentials written before layouts existed lack these two)
          { ...previous, siteUrl: previous.siteUrl ?? siteUrlOf(running.url, layout), layout };
    const wanted = options.theme ?? 'twentytwentyone';
    if (info === null) {
      log(layout === 'multisite' ? 'seeding the demo content and the network' : 'seeding the demo content');
      const seeded = await runSetup<
        Omit<SiteInfo, 'url' | 'siteUrl' | 'layout' | 'backend' | 'describe' | 'wpVersion' | 'core'>
      >(
        { url: running.siteUrl, wordpressDir: running.coreDir },
        'seed',
        {},
        { theme: wanted, network: layout === 'multisite' ? networkContent : undefined },
      );
      info = {
        url: running.url,
        siteUrl: running.siteUrl,
        layout,
        backend: backend.name,
        describe: running.describe,
        wpVersion: running.wpVersion,
        core,
        ...seeded,
      };
      saveCredentials(credentialsFile, info);
    } else if (options.theme && info.theme !== options.theme) {
      info.theme = await switchTheme({ url: running.url, dir }, options.theme);
      saveCredentials(credentialsFile, info);
    }
    const site: WordPressSite = {
      info,
      url: running.url,
      dir,
      credentialsFile,
      startupMs: Date.now() - started,
      pids: running.pids,
      async stop() {
        await running.stop();
        rmSync(pidsFile, { force: true });
      },
      async restart(part) {
        if (!running.restart) throw new Error(`The ${backend.name} backend cannot restart ${part}`);
        await running.restart(part);
        writeFileSync(pidsFile, JSON.stringify(running.pids));
      },
    };
    return site;
  } catch (error) {
    await running.stop();
    throw error;
  }
}

/**
 * A fresh native site whose start failed gets one more try from an empty database folder: MariaDB
 * crashed (signal 11) under WordPress's install here once, and a test lane failed with it. A site
 * kept between runs is never wiped: its error stands.
 */
export async function startBackend(backend: Backend, options: BackendStartOptions): Promise<RunningBackend> {
  try {
    return await backend.start(options);
  } catch (error) {
    if (!options.fresh || backend.name !== 'native') throw error;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    options.log(`the start failed (${reason}): once more, from an empty database folder`);
    rmSync(join(options.dir, 'mysql'), { recursive: true, force: true });
    return backend.start(options);
  }
}

function saveCredentials(file: string, info: SiteInfo): void {
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** Switches a running site's theme (the content script is tested on a classic and a block theme). */
export async function switchTheme(site: { url: string; dir: string }, theme: string): Promise<string> {
  return (await runSetup<{ theme: string }>(setupTarget(site), 'theme', { theme })).theme;
}

/** Many comments at once on a running site (scale tests, benchmarks): one PHP request, no REST. */
export function addComments(
  site: { url: string; dir: string },
  postId: number,
  count: number,
  status: 'hold' | 'approved' | 'spam' | 'trash' = 'hold',
  type = 'comment',
): Promise<{ first: number; last: number; count: number }> {
  return runSetup(setupTarget(site), 'bulk', { post: String(postId), count: String(count), status, type });
}

/** Servers of this site left behind by a run that was killed (their process groups). */
async function stopLeftovers(dir: string): Promise<void> {
  const pidsFile = join(dir, 'pids.json');
  if (!existsSync(pidsFile)) return;
  for (const pid of JSON.parse(readFileSync(pidsFile, 'utf8')) as number[]) await stopProcess(pid, 5000, true);
  rmSync(pidsFile, { force: true });
}

function readCredentials(file: string): SiteInfo | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SiteInfo;
  } catch {
    return null;
  }
}
