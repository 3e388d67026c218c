/**
 * Every WordPress that npm test may run at the same time has a port of its own: the test levels'
 * sites (test/support/ports.ts), `npm run wp`'s test, each bench's smoke run and the soak's two
 * sites. Two of them on one port made a lane's requests reach another lane's site (a session gave
 * bench:job-concurrency wp-cli.test.ts's port: its seed request got a 404 from the bench's site).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testSites } from '../../support/ports.ts';

/** The default port a script starts its WordPress on (`… PORT… ?? 8899`), by file. */
function defaultPorts(files: readonly string[]): [string, number][] {
  return files.flatMap((file) => {
    const found = /PORT\w* \?\? (\d{4})\)/.exec(readFileSync(file, 'utf8'));
    return found?.[1] ? [[file, Number(found[1])] as [string, number]] : [];
  });
}

describe('ports of the WordPress sites a test run starts', () => {
  it('are all different', () => {
    const benches = readdirSync('bench')
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `bench/${file}`);
    const scripts = defaultPorts([...benches, 'test/integration/wp-cli.test.ts', 'scripts/soak/index.ts']);
    expect(scripts.map(([file]) => file)).toEqual(
      expect.arrayContaining(['bench/popup.ts', 'bench/job-concurrency.ts', 'test/integration/wp-cli.test.ts']),
    );
    const soak = scripts.find(([file]) => file === 'scripts/soak/index.ts')?.[1] ?? 0;
    const all = [
      ...Object.entries(testSites).map(([level, site]) => [level, site.port] as const),
      ...scripts,
      // The soak's second site takes the port after the first (scripts/soak/sites.ts).
      ['scripts/soak (second site)', soak + 1] as const,
    ];
    const byPort = new Map<number, string[]>();
    for (const [who, port] of all) byPort.set(port, [...(byPort.get(port) ?? []), who]);
    expect([...byPort.values()].filter((users) => users.length > 1)).toEqual([]);
  });
});
