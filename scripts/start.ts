/**
 * npm start — the demo: builds the extension (test/demo build), starts the demo WordPress, opens
 * Chromium with the extension loaded, logs in as the editor and connects the site. With a display
 * it leaves the browser open; without one it runs headless, writes screenshots of the popup and
 * the article page, prints their paths and exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findChromium } from './chromium.ts';
import {
  connectWithApplicationPassword,
  launchWithExtension,
  logInToWordPress,
  screenshot,
} from './extension-browser.ts';
import { printCredentials } from './wp/cli.ts';
import { type SiteInfo, startWordPress } from './wp/index.ts';
import { isAlive, readPid } from './wp/process.ts';

const port = Number(process.env.FREIGABE_WP_PORT ?? 8881);
const dir = resolve(process.env.FREIGABE_WP_DIR ?? '.wp/demo');
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = resolve('test-results/demo');

function ensureChromium(): void {
  if (findChromium()) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version');
  if (!canInstall) {
    throw new Error(
      'The demo needs Chromium (Google Chrome no longer loads unpacked extensions from the command line).\nInstall it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.',
    );
  }
  console.log('No Chromium found: installing Debian’s chromium with apt-get (running as root).');
  const result = spawnSync('bash', ['scripts/install-system-deps.sh', 'chromium'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Installing Chromium failed.');
}

async function main(): Promise<void> {
  ensureChromium();
  console.log('Building the extension (demo build: loopback origins pre-granted) …');
  const build = spawnSync('node_modules/.bin/tsx', ['scripts/build.ts', 'test'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Build failed.');

  // Reuse a demo WordPress that `npm run wp` already runs; otherwise start one for this demo.
  let info: SiteInfo;
  let stopWordPress = async () => {};
  const manager = readPid(join(dir, 'manager.pid'));
  if (manager && isAlive(manager) && existsSync(join(dir, 'credentials.json'))) {
    info = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8')) as SiteInfo;
    console.log(`Using the WordPress that already runs at ${info.url}.`);
  } else {
    const site = await startWordPress({ port, dir, theme: 'twentytwentyone' });
    info = site.info;
    stopWordPress = () => site.stop();
  }
  printCredentials(info, join(dir, 'credentials.json'));

  const editor = info.users.find((user) => user.key === 'editor');
  const article = info.posts.find((post) => post.key === 'article');
  if (!editor || !article) throw new Error('The demo content is incomplete: run `npm run wp -- --fresh` once.');

  const browser = await launchWithExtension({ headless });
  try {
    const page = await browser.context.newPage();
    await logInToWordPress(page, info.url, editor.login, editor.password);
    const options = await connectWithApplicationPassword(browser, info.url, editor.login, editor.applicationPassword);
    console.log(`Options page: ${(await options.textContent('.connect-result'))?.trim()}`);
    await options.close();
    await page.goto(article.link);
    await page.waitForTimeout(1500);

    if (headless) {
      mkdirSync(outDir, { recursive: true });
      const articleShot = await screenshot(page, join('..', 'demo', 'article'));
      const popup = await browser.openExtensionPage('src/popup/index.html');
      await popup.setViewportSize({ width: 420, height: 640 });
      await popup.waitForSelector('.queue .item, .empty', { timeout: 15000 });
      const popupShot = await screenshot(popup, join('..', 'demo', 'popup'));
      console.log('\nNo display: ran headless. Screenshots:');
      console.log(`  popup:   ${popupShot}`);
      console.log(`  article: ${articleShot}`);
      await browser.close();
      await stopWordPress();
      return;
    }
    console.log('\nChromium is open with Freigabe loaded and the demo site connected.');
    console.log(
      'Click the Freigabe icon in the toolbar (pin it from the puzzle menu). Close the browser or press Ctrl-C to stop.',
    );
    await new Promise<void>((done) => {
      browser.context.on('close', () => done());
      process.on('SIGINT', () => done());
      process.on('SIGTERM', () => done());
    });
    await browser.close().catch(() => undefined);
    await stopWordPress();
  } catch (error) {
    await browser.close().catch(() => undefined);
    await stopWordPress();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
