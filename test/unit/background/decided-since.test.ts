/**
 * The race bench:popup found: a decision sent just before a sync read its page can land on
 * WordPress after the read; the page then still says "pending", and writing it back would bring the
 * decided comment back into the queue. Such comments keep their cached row.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decidedSince } from '../../../src/background/sync/cache-write.ts';
import { maxTimeoutMs } from '../../../src/shared/wp/client.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { outboxRow as row, testSiteId as siteId } from '../../support/rows.ts';

describe('decidedSince', () => {
  beforeEach(resetFakeBrowser);

  it('protects unsent decisions and ones sent within a request timeout before the read, not older ones', async () => {
    const ctx = testContext();
    const since = 1_000_000;
    await ctx.db.outbox.bulkAdd([
      row(1, { state: 'waiting' }),
      row(2, { state: 'sending', sentAt: since - 5 }),
      row(3, { sentAt: since - 500 }), // sent half a second before the read: may land after it
      row(4, { sentAt: since - maxTimeoutMs - 1 }), // long done before the read
      row(5, { sentAt: since + 10 }),
    ]);
    expect([...(await decidedSince(ctx, siteId, since))].sort()).toEqual([1, 2, 3, 5]);
  });
});
