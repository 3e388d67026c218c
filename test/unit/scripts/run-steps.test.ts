/**
 * npm test's lanes stream their output; a lane that fails before writing its report is shown at the
 * end by its last lines, so those lines must be kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { runStep } from '../../../scripts/test/run-steps.ts';

describe('runStep', () => {
  it("keeps a streamed step's last 60 lines, prefixed, and its exit status", async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const result = await runStep({
        name: 'lane',
        command: 'node',
        args: [
          '-e',
          'for (let i = 1; i <= 100; i++) console.log("line " + i); console.log("the end"); process.exit(2)',
        ],
        stream: true,
      });
      expect(result.status).toBe(2);
      expect(result.tail).toHaveLength(60);
      expect(result.tail?.at(-1)).toBe('[lane] the end');
      expect(result.tail?.[0]).toBe('[lane] line 42');
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
  });

  it('keeps no tail for a step printed whole', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const result = await runStep({ name: 'check', command: 'node', args: ['-e', 'console.log("ok")'] });
      expect(result).toMatchObject({ status: 0 });
      expect(result.tail).toBeUndefined();
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
  });
});
