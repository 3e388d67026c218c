/**
 * The pending list read a few pages at a time and written in list order: pages that came in while
 * a write ran go into the next write together; a write that fails stops everything after it, also
 * when more pages arrive after the failure (a settled writer once stayed behind and the read never
 * ended: found by sync-during-job.test.ts against the real WordPress).
 */
import { describe, expect, it } from 'vitest';
import { type PendingPage, perPage, readPendingPages } from '../../../src/background/sync/fetch-queue.ts';
import type { WpClient } from '../../../src/shared/wp/client.ts';

/** A list of `total` comments whose pages answer after `delayMs(offset)`. */
function listOf(total: number, delayMs: (offset: number) => number): WpClient {
  const client = {
    listComments: async ({ offset = 0 }: { offset?: number }) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs(offset)));
      const items = Array.from({ length: Math.max(0, Math.min(perPage, total - offset)) }, (_, i) => ({
        id: offset + i + 1,
      }));
      return { items, total, totalPages: Math.ceil(total / perPage) };
    },
  };
  return client as unknown as WpClient;
}

describe('readPendingPages', () => {
  it('writes every page in list order, pages that came in during a write together', async () => {
    const written: PendingPage[] = [];
    const result = await readPendingPages(
      listOf(1000, () => 1),
      'edit',
      0,
      async (page) => {
        written.push(page);
        await new Promise((resolve) => setTimeout(resolve, 15));
      },
    );
    expect(result).toEqual({ total: 1000, steady: true });
    expect(written.flatMap((page) => page.items.map((item) => item.id))).toEqual(
      Array.from({ length: 1000 }, (_, i) => i + 1),
    );
    // Fewer writes than pages, and each write says which places it covers.
    expect(written.length).toBeLessThan(10);
    expect(written.map((page) => page.offset)).toEqual(
      written.map((_, index) => written.slice(0, index).reduce((sum, page) => sum + (page.span ?? perPage), 0)),
    );
  });

  it('a write that fails ends the read with its error, though pages keep arriving after it', async () => {
    let writes = 0;
    const read = readPendingPages(
      listOf(1000, (offset) => (offset === 0 ? 1 : 20)),
      'edit',
      0,
      async () => {
        writes += 1;
        throw new Error('the job took the queue');
      },
    );
    await expect(read).rejects.toThrow('the job took the queue');
    expect(writes).toBe(1);
  });
});
