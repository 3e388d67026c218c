/**
 * The harness's one-shot commands are bounded: a WordPress install whose MariaDB died under it
 * (signal 11 in a loaded run) waited forever and held its test lane with it.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../../scripts/wp/process.ts';

describe('run', () => {
  it('answers what the command printed', () => {
    expect(run('node', ['-e', 'process.stdout.write("da")'], 'an echo')).toBe('da');
  });

  it('kills a command that outlives its time and says so', () => {
    expect(() => run('node', ['-e', 'setTimeout(() => {}, 10_000)'], 'a wait', 300)).toThrow(
      /a wait did not finish in 0.3 s .*: killed/,
    );
  });

  it('says what failed, with its error output', () => {
    expect(() => run('node', ['-e', 'console.error("kaputt"); process.exit(3)'], 'a failure')).toThrow(
      /a failure failed .*kaputt/s,
    );
  });
});
