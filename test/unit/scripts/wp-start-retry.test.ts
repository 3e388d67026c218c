/**
 * A fresh test site whose start failed gets one more try from an empty database folder (MariaDB
 * crashed under WordPress's install once and a whole test lane failed with it); a kept site is
 * never wiped.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../../../scripts/wp/index.ts';
import type { Backend, BackendStartOptions, RunningBackend } from '../../../scripts/wp/types.ts';

function siteDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'freigabe-retry-'));
  mkdirSync(join(dir, 'mysql'));
  writeFileSync(join(dir, 'mysql', 'ibdata1'), 'broken');
  return dir;
}

/** A backend that fails its first `failures` starts, noting whether the database folder was there. */
function flaky(failures: number, name: Backend['name'] = 'native') {
  const sawDatabase: boolean[] = [];
  const backend: Backend = {
    name,
    async start(options) {
      sawDatabase.push(existsSync(join(options.dir, 'mysql')));
      if (sawDatabase.length <= failures) throw new Error('mariadbd got signal 11\nthe rest of the log');
      return { url: 'http://127.0.0.1:1' } as RunningBackend;
    },
  };
  return { backend, sawDatabase };
}

const optionsFor = (dir: string, fresh: boolean, log: string[]): BackendStartOptions => ({
  dir,
  port: 1,
  fresh,
  core: '7.1',
  layout: 'standard',
  log: (message) => log.push(message),
});

describe('startBackend', () => {
  it('starts a fresh site once more from an empty database folder, and says why', async () => {
    const { backend, sawDatabase } = flaky(1);
    const log: string[] = [];
    const running = await startBackend(backend, optionsFor(siteDir(), true, log));
    expect(running.url).toBe('http://127.0.0.1:1');
    expect(sawDatabase).toEqual([true, false]);
    expect(log).toEqual(['the start failed (mariadbd got signal 11): once more, from an empty database folder']);
  });

  it('tries only once more: a second failure stands', async () => {
    const { backend, sawDatabase } = flaky(2);
    await expect(startBackend(backend, optionsFor(siteDir(), true, []))).rejects.toThrow(/signal 11/);
    expect(sawDatabase).toHaveLength(2);
  });

  it('never wipes a site kept between runs', async () => {
    const { backend, sawDatabase } = flaky(1);
    const dir = siteDir();
    await expect(startBackend(backend, optionsFor(dir, false, []))).rejects.toThrow(/signal 11/);
    expect(sawDatabase).toEqual([true]);
    expect(existsSync(join(dir, 'mysql', 'ibdata1'))).toBe(true);
  });
});
