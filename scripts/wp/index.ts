/**
 * Starts a real WordPress for the demo and the tests, seeded with the demo content.
 *   const site = await startWordPress({ backend: 'auto', port: 8881, dir: '.wp/demo' });
 *   site.info.users — logins, passwords and Application Passwords; site.stop() ends it.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoPosts, demoUsers } from './demo-content.ts';
import { findNativeTools, nativeBackend } from './native.ts';
import { playgroundBackend } from './playground.ts';
import { isPortFree, stopProcess } from './process.ts';
import type { Backend, BackendName, RunningBackend } from './types.ts';
import { phpDir } from './wp-files.ts';

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
  url: string;
  backend: BackendName;
  describe: string;
  theme: string;
  users: DemoSiteUser[];
  posts: { key: string; id: number; link: string }[];
  /** comment ids by their key in demo-content.ts */
  comments: Record<string, number>;
}

export interface StartOptions {
  backend?: BackendName | 'auto';
  port?: number;
  dir?: string;
  /** wipe the database and seed again */
  fresh?: boolean;
  /** theme slug to switch to after seeding; default: the classic twentytwentyone where available */
  theme?: string;
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
  const fresh = Boolean(options.fresh) || backendChanged;
  if (backendChanged) log(`the site in ${dir} was made by ${previous?.backend}: starting a fresh one`);
  const running = await backend.start({ dir, port, fresh, log });
  const pidsFile = join(dir, 'pids.json');
  writeFileSync(pidsFile, JSON.stringify(running.pids));
  try {
    let info = fresh || previous === null || previous.url !== running.url ? null : previous;
    const wanted = options.theme ?? 'twentytwentyone';
    if (info === null) {
      log('seeding the demo content');
      const seeded = await runSetup<Omit<SiteInfo, 'url' | 'backend' | 'describe'>>(
        running,
        'seed',
        {},
        { theme: wanted },
      );
      info = { url: running.url, backend: backend.name, describe: running.describe, ...seeded };
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
    };
    return site;
  } catch (error) {
    await running.stop();
    throw error;
  }
}

function saveCredentials(file: string, info: SiteInfo): void {
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** Switches a running site's theme (the content script is tested on a classic and a block theme). */
export async function switchTheme(site: { url: string; dir: string }, theme: string): Promise<string> {
  const wordpressDir = join(resolve(site.dir), 'wordpress');
  return (await runSetup<{ theme: string }>({ url: site.url, wordpressDir }, 'theme', { theme })).theme;
}

/** Many comments at once on a running site (scale tests, benchmarks): one PHP request, no REST. */
export function addComments(
  site: { url: string; dir: string },
  postId: number,
  count: number,
  status: 'hold' | 'approved' | 'spam' | 'trash' = 'hold',
): Promise<{ first: number; last: number; count: number }> {
  const wordpressDir = join(resolve(site.dir), 'wordpress');
  return runSetup({ url: site.url, wordpressDir }, 'bulk', { post: String(postId), count: String(count), status });
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

/** Drops setup.php into the site under a one-time name, requests it, and removes it again. */
async function runSetup<T>(
  running: Pick<RunningBackend, 'url' | 'wordpressDir'>,
  action: string,
  params: Record<string, string>,
  seed?: { theme: string },
): Promise<T> {
  const name = `freigabe-setup-${randomBytes(8).toString('hex')}.php`;
  const script = join(running.wordpressDir, name);
  const input = join(running.wordpressDir, 'freigabe-demo.json');
  copyFileSync(join(phpDir, 'setup.php'), script);
  if (seed) writeFileSync(input, JSON.stringify({ users: demoUsers, posts: demoPosts, theme: seed.theme }));
  try {
    const query = new URLSearchParams({ action, ...params });
    const response = await fetch(`${running.url}/${name}?${query}`, { signal: AbortSignal.timeout(300000) });
    const body = await response.text();
    if (!response.ok)
      throw new Error(`WordPress setup "${action}" failed: HTTP ${response.status} ${body.slice(0, 500)}`);
    return JSON.parse(body) as T;
  } finally {
    rmSync(script, { force: true });
    rmSync(input, { force: true });
  }
}
