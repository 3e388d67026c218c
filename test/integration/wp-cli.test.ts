/**
 * `npm run wp` as a newcomer uses it: start, Ctrl-C stops everything, a second start reuses the
 * site, `npm run wp -- stop` from another terminal stops it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isPortFree } from '../../scripts/wp/process.ts';

const port = Number(process.env.FREIGABE_TEST_PORT_CLI ?? 8894);
const dir = '.wp/test-cli';
const args = ['scripts/wp/cli.ts', `--port=${port}`, `--dir=${dir}`, '--backend=native'];
const children: ChildProcess[] = [];

function start(): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  // Node with tsx's loader, not the tsx command: that one runs the script in a child process and
  // relays Ctrl-C to it, and on a busy machine it could exit before its child had printed that it
  // stopped (a full run failed on it). A terminal's Ctrl-C reaches both; this test's SIGINT only one.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('ready in')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm run wp exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output, ready };
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  spawnSync('node_modules/.bin/tsx', [...args, 'stop']);
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run wp', () => {
  it('starts, stops on Ctrl-C, reuses the site on the next start, stops on `stop`', { timeout: 90_000 }, async () => {
    rmSync(dir, { recursive: true, force: true });
    const first = start();
    await first.ready;
    expect(first.output()).toContain('backend: native');
    expect(first.output()).toContain('seeding the demo content');
    expect(first.output()).toMatch(/editor\s+redaktion\s+password \S+\s+app password \S+/);
    expect(await isPortFree(port)).toBe(false);

    first.child.kill('SIGINT');
    await exited(first.child);
    expect(first.output()).toContain('WordPress stopped');
    expect(await isPortFree(port)).toBe(true);
    expect(spawnSync('pgrep', ['-f', `127.0.0.1:${port}`]).status).toBe(1);

    const second = start();
    await second.ready;
    expect(second.output()).not.toContain('seeding');

    const again = spawnSync('node_modules/.bin/tsx', args, { encoding: 'utf8' });
    expect(again.stdout).toContain('already running');

    const stopped = spawnSync('node_modules/.bin/tsx', [...args, 'stop'], { encoding: 'utf8' });
    expect(stopped.stdout).toContain('stopped the WordPress');
    await exited(second.child);
    expect(await isPortFree(port)).toBe(true);
  });
});
