/** Each benchmark runs for a few seconds in `npm test` so it never rots; the figures are printed, not asserted. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('benchmark smoke runs', () => {
  it('bench:wp measures the native backend', { timeout: 60_000 }, () => {
    const run = spawnSync('node_modules/.bin/tsx', ['bench/wp.ts', '--smoke', '--backend=native'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/backend: native/);
    expect(run.stdout).toMatch(/cold start .*: \d+\.\d s/);
    expect(run.stdout).toMatch(/one status change: +median \d+ ms over 3/);
  });

  it('bench:rest compares the client with curl', { timeout: 60_000 }, () => {
    const run = spawnSync('node_modules/.bin/tsx', ['bench/rest.ts', '--smoke'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/backend: native/);
    expect(run.stdout).toMatch(/Freigabe client \d+\.\d ms · curl \d+\.\d ms · ratio \d+\.\d\d/);
  });

  it('bench:sync syncs, flushes and compares with curl', { timeout: 90_000 }, () => {
    const run = spawnSync('node_modules/.bin/tsx', ['bench/sync.ts', '--smoke'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/backend: native/);
    expect(run.stdout).toMatch(/initial sync: \d+ comments in \d+\.\d\d s .* ratio \d+\.\d\d/);
    expect(run.stdout).toMatch(/flush of 20 decisions: .* ratio \d+\.\d\d/);
  });

  it('bench:popup drives the popup and wp-admin by keyboard, and opens the popup on a full cache', {
    timeout: 240_000,
  }, () => {
    const run = spawnSync('node_modules/.bin/tsx', ['bench/popup.ts', '--smoke'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/popup JavaScript: \d+\.\d kB gzip/);
    expect(run.stdout).toMatch(
      /popup: +\d+\.\d\d s until the server confirmed the last decision \(\d+ keys; server: approved \d+, spam \d+\)/,
    );
    expect(run.stdout).toMatch(/ratio popup \/ wp-admin: \d+\.\d\d/);
    expect(run.stdout).toMatch(/first contentful paint \d+ ms after navigation start/);
    expect(run.stdout).toMatch(/holding j 1\.00 s \(\d+ presses, moved \d+ rows\): \d+ long tasks/);
  });
});
