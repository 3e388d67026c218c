/**
 * Done decisions are let go after 30 days (outbox/prune.ts), at the end of a sync of their site;
 * nothing the user still has to see or send is: waiting, sending, failed and conflicting decisions
 * stay whatever their age, and other sites' decisions wait for their own site's sync.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { keepDoneMs, pruneDoneDecisions } from '../../../src/background/outbox/prune.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { outboxRow as row, testSiteId as siteId, testSite } from '../../support/rows.ts';

const now = 100 * 24 * 60 * 60_000;
const day = 24 * 60 * 60_000;
const otherSite = 'https://other.example/wp-json/';

/** Rows of every kind, old and recent; the comment ids say which. */
const rows = [
  row(1, { notBefore: now - 40 * day, sentAt: now - 40 * day }), // done, old: goes
  row(2, { notBefore: now - 2 * day, sentAt: now - 2 * day }), // done, recent
  row(3, { notBefore: now - keepDoneMs - 5, sentAt: now - 29 * day }), // due long ago, sent lately (retried)
  row(4, { state: 'failed', notBefore: now - 40 * day, sentAt: now - 40 * day }),
  row(5, { state: 'conflict', notBefore: now - 40 * day, sentAt: now - 40 * day }),
  row(6, { state: 'waiting', notBefore: now - 40 * day }),
  row(7, { siteId: otherSite, notBefore: now - 40 * day, sentAt: now - 40 * day }), // another site's
  row(8, {
    notBefore: now - 31 * day,
    sentAt: now - 31 * day,
    error: { kind: 'changed-elsewhere', code: null, message: 'dismissed' },
  }), // a dismissed "changed elsewhere", old: goes
];

describe('done decisions let go', () => {
  beforeEach(resetFakeBrowser);

  it('deletes a site’s done decisions older than 30 days, nothing else', async () => {
    const ctx = testContext();
    await ctx.db.outbox.bulkAdd(rows);
    expect(await pruneDoneDecisions(ctx.db, siteId, now)).toBe(2);
    expect((await ctx.db.outbox.toArray()).map((kept) => kept.commentId).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    // Again: nothing more.
    expect(await pruneDoneDecisions(ctx.db, siteId, now)).toBe(0);
  });

  it('happens at the end of a sync of the site', async () => {
    const wordpress = fakeWordPress([{ id: 50, post: 4, status: 'hold', type: 'comment' }]);
    const ctx = testContext({ fetch: wordpress.fetch, now: () => now });
    await ctx.db.sites.put(testSite());
    await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
    await ctx.db.outbox.bulkAdd(rows);
    await syncPending(ctx, siteId);
    expect((await ctx.db.outbox.toArray()).map((kept) => kept.commentId).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await ctx.db.comments.count()).toBe(1);
  });
});
