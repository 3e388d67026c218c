/** Drafts are kept as typed, emptied drafts disappear, and a reply that was decided takes its draft along. */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraft } from '../../../src/background/drafts.ts';
import { decide } from '../../../src/background/outbox/decide.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

async function setup() {
  const wordpress = fakeWordPress([{ id: 1, post: 4, status: 'hold', type: 'comment' }]);
  const ctx = testContext({ fetch: wordpress.fetch, now: () => 5_000 });
  await ctx.db.sites.put(testSite());
  await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  await syncPending(ctx, siteId);
  return ctx;
}

describe('drafts', () => {
  beforeEach(resetFakeBrowser);

  it('stores the latest text with its time, and deletes a draft emptied to whitespace', async () => {
    const ctx = await setup();
    expect(await saveDraft(ctx, { siteId, commentId: 1, kind: 'reply', content: 'Dan' })).toEqual({ saved: true });
    await saveDraft(ctx, { siteId, commentId: 1, kind: 'reply', content: 'Danke für' });
    await saveDraft(ctx, { siteId, commentId: 1, kind: 'edit', content: 'Korrigiert' });
    expect(await ctx.db.drafts.get([siteId, 1, 'reply'])).toEqual({
      siteId,
      commentId: 1,
      kind: 'reply',
      content: 'Danke für',
      updatedAt: 5_000,
    });
    expect(await saveDraft(ctx, { siteId, commentId: 1, kind: 'reply', content: '  \n ' })).toEqual({ saved: false });
    expect(await ctx.db.drafts.get([siteId, 1, 'reply'])).toBeUndefined();
    expect(await ctx.db.drafts.count()).toBe(1);
  });

  it('a reply decided takes its draft into the outbox row; the edit draft of the same comment stays', async () => {
    const ctx = await setup();
    await saveDraft(ctx, { siteId, commentId: 1, kind: 'reply', content: 'Danke!' });
    await saveDraft(ctx, { siteId, commentId: 1, kind: 'edit', content: 'Halb fertig' });
    const [, replyId] = await decide(ctx, { siteId, commentIds: [1], decision: 'approveAndReply', content: 'Danke!' });
    expect(await ctx.db.outbox.get(replyId ?? 0)).toMatchObject({ decision: 'reply', content: 'Danke!' });
    expect(await ctx.db.drafts.get([siteId, 1, 'reply'])).toBeUndefined();
    expect(await ctx.db.drafts.get([siteId, 1, 'edit'])).toMatchObject({ content: 'Halb fertig' });
  });
});
