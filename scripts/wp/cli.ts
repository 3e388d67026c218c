/**
 * npm run wp [-- start|stop|status] [--backend=auto|native|playground] [--port=8881] [--dir=.wp/demo]
 *             [--fresh] [--theme=<slug>] [--core=7.1|6.1|6.5] [--layout=standard|own-directory|multisite]
 *             [--bridge]   (the Freigabe Bridge plugin active; without the flag it is inactive)
 * Runs the demo WordPress in the foreground until Ctrl-C or `npm run wp -- stop`.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CoreVersion, isCoreVersion } from './cores.ts';
import { type BackendName, type SiteInfo, startWordPress } from './index.ts';
import { isLayout, type Layout } from './layouts.ts';
import { isAlive, readPid, stopProcess } from './process.ts';
import { setBridge } from './scenarios.ts';

export interface WpArgs {
  command: string;
  backend: BackendName | 'auto';
  port: number;
  dir: string;
  fresh: boolean;
  theme?: string;
  core?: CoreVersion;
  layout?: Layout;
  /** the Freigabe Bridge (wordpress-plugin/freigabe-bridge) active */
  bridge?: boolean;
}

export function parseWpArgs(argv: string[]): WpArgs {
  const args: WpArgs = {
    command: 'start',
    backend: 'auto',
    port: Number(process.env.FREIGABE_WP_PORT ?? 8881),
    dir: resolve(process.env.FREIGABE_WP_DIR ?? '.wp/demo'),
    fresh: false,
  };
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2);
    if (key === '--backend' && (value === 'auto' || value === 'native' || value === 'playground')) args.backend = value;
    else if (key === '--port' && value && /^\d+$/.test(value)) args.port = Number(value);
    else if (key === '--dir' && value) args.dir = resolve(value);
    else if (key === '--theme' && value) args.theme = value;
    else if (key === '--core' && isCoreVersion(value)) args.core = value;
    else if (key === '--layout' && isLayout(value)) args.layout = value;
    else if (key === '--fresh') args.fresh = true;
    else if (key === '--bridge') args.bridge = true;
    else if (!arg.startsWith('--')) args.command = arg;
    else throw new Error(`Unknown option ${arg}`);
  }
  return args;
}

export function printCredentials(info: SiteInfo, file: string): void {
  console.log(`\nWordPress ${info.wpVersion}: ${info.url}  (${info.describe}, theme ${info.theme})`);
  console.log(`  wp-admin: ${info.siteUrl ?? info.url}/wp-admin/`);
  for (const user of info.users) {
    console.log(
      `  ${user.role.padEnd(13)} ${user.login.padEnd(10)} password ${user.password}  app password ${user.applicationPassword}`,
    );
  }
  const article = info.posts.find((post) => post.key === 'article');
  if (article) console.log(`  demo article: ${article.link}`);
  for (const site of info.network?.sites ?? []) {
    console.log(`  sub-site ${site.name}: ${site.url}/  (${site.posts.map((post) => post.link).join(', ')})`);
  }
  for (const user of info.network?.users ?? []) {
    const roles = Object.entries(user.roles).map(([site, role]) => `${role} on ${site}`);
    console.log(
      `  network user  ${user.login.padEnd(10)} password ${user.password}  app password ${user.applicationPassword}  (${roles.join(', ')})`,
    );
  }
  console.log(`  credentials: ${file}\n`);
}

async function stop(dir: string): Promise<void> {
  const managerPid = readPid(join(dir, 'manager.pid'));
  if (managerPid && isAlive(managerPid)) {
    await stopProcess(managerPid, 15000);
    console.log(`stopped the WordPress in ${dir}`);
  } else {
    console.log(`no WordPress running from ${dir}`);
  }
  // Whatever a killed manager left behind.
  const pidsFile = join(dir, 'pids.json');
  if (existsSync(pidsFile)) {
    for (const pid of JSON.parse(readFileSync(pidsFile, 'utf8')) as number[]) await stopProcess(pid, 5000, true);
    rmSync(pidsFile, { force: true });
  }
}

async function main(): Promise<void> {
  const args = parseWpArgs(process.argv.slice(2));
  const managerFile = join(args.dir, 'manager.pid');
  if (args.command === 'stop') return stop(args.dir);
  if (args.command === 'status') {
    const pid = readPid(managerFile);
    const running = pid !== null && isAlive(pid);
    console.log(running ? `running (pid ${pid}) from ${args.dir}` : `not running (${args.dir})`);
    const credentials = join(args.dir, 'credentials.json');
    if (running && existsSync(credentials))
      printCredentials(JSON.parse(readFileSync(credentials, 'utf8')), credentials);
    return;
  }
  if (args.command !== 'start') throw new Error(`Unknown command ${args.command} (start, stop, status)`);
  const existing = readPid(managerFile);
  if (existing && isAlive(existing)) {
    console.log(`WordPress is already running from ${args.dir} (pid ${existing}); \`npm run wp -- stop\` ends it.`);
    const credentials = join(args.dir, 'credentials.json');
    if (existsSync(credentials)) printCredentials(JSON.parse(readFileSync(credentials, 'utf8')), credentials);
    return;
  }
  const site = await startWordPress(args);
  await setBridge(site, args.bridge === true);
  if (args.bridge) console.log('Freigabe Bridge active');
  writeFileSync(managerFile, String(process.pid));
  printCredentials(site.info, site.credentialsFile);
  console.log(`ready in ${(site.startupMs / 1000).toFixed(1)} s — Ctrl-C or \`npm run wp -- stop\` to stop`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await site.stop();
    rmSync(managerFile, { force: true });
    console.log('WordPress stopped');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
