/**
 * Akismet's verdict in the cache (ADR 031): a sync that reads a changed verdict — reported not spam
 * in wp-admin since, or gone because the Bridge was deactivated — writes the row, although nothing
 * else about the comment changed; one that reads the same verdict (a new object each time) writes
 * nothing, so the open popup does not read again.
 */
import { describe, expect, it } from 'vitest';
import { syncTables, writePulled } from '../../../src/background/sync/cache-write.ts';
import type { CommentRow } from '../../../src/shared/db/index.ts';
import type { AkismetVerdict } from '../../../src/shared/wp/akismet-field.ts';
import { testContext } from '../../support/background-context.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSiteId as siteId } from '../../support/rows.ts';

const caught: AkismetVerdict = { result: 'spam', history: [{ time: 1_000, event: 'check-spam', user: null }] };
const reported: AkismetVerdict = {
  result: 'spam',
  history: [...caught.history, { time: 2_000, event: 'report-ham', user: 'redaktion' }],
};

/** The cache with a count of the comment rows written into it. */
function cache() {
  const ctx = testContext();
  const written = { rows: 0 };
  ctx.db.comments.hook('creating', () => {
    written.rows += 1;
  });
  ctx.db.comments.hook('updating', () => {
    written.rows += 1;
  });
  const pull = (row: CommentRow, since: number) =>
    ctx.db.transaction('rw', syncTables(ctx.db), () => writePulled(ctx, siteId, [row], since));
  return { ctx, written, pull };
}

describe('Akismet’s verdict in the cache', () => {
  it('writes a changed or vanished verdict, and nothing for the same one read again', async () => {
    const { ctx, written, pull } = cache();
    const row = commentRow(1, { akismet: caught });
    await ctx.db.comments.put(row);
    written.rows = 0;

    await pull({ ...row, akismet: structuredClone(caught) }, 10);
    expect(written.rows).toBe(0);
    await pull({ ...row, akismet: reported }, 20);
    expect((await ctx.db.comments.get([siteId, 1]))?.akismet).toEqual(reported);
    const { akismet: _gone, ...withoutVerdict } = row;
    await pull(withoutVerdict, 30);
    expect((await ctx.db.comments.get([siteId, 1]))?.akismet).toBeUndefined();
  });
});
