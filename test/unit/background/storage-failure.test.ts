/**
 * The browser refusing a write (issue 13): when IndexedDB's quota is exceeded or its transaction is
 * aborted at the moment a decision, a reply or a draft is written, the page is told so at once, in
 * the user's words — and nothing was half kept: no outbox row, the cached comment unchanged, an
 * earlier draft still there. The failure is forced in fake-indexeddb by the test builds' hook
 * (background/refuse-writes.ts: every write rejected with the DOMException, so the transaction aborts
 * as Chromium's does when the disk is full).
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { contentHandlers, pageHandlers } from '../../../src/background/handlers.ts';
import { refuseWritesWhenAsked } from '../../../src/background/refuse-writes.ts';
import { createRouter } from '../../../src/background/router.ts';
import { storageFailure } from '../../../src/background/storage-failure.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { connectedSite, fakeComment, siteId } from '../../support/connected-site.ts';
import { fakeBrowser, getMessage, resetFakeBrowser } from '../../support/fake-browser.ts';

const popup: Runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('src/popup/index.html'),
};

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const aborted = () => new DOMException('The transaction was aborted.', 'AbortError');
const flag = globalThis as { freigabeRefuseWrites?: string };

/** A synced site whose database refuses every write with `refusal` while `failing.on` (the test builds' hook). */
async function setup(refusal: 'QuotaExceededError' | 'AbortError') {
  const site = await connectedSite([fakeComment(1, 'hold'), fakeComment(2, 'hold')]);
  await syncPending(site.ctx, siteId);
  site.ctx.db.close();
  refuseWritesWhenAsked(site.ctx.db);
  await site.ctx.db.open();
  const failing = {
    set on(value: boolean) {
      if (value) flag.freigabeRefuseWrites = refusal;
      else delete flag.freigabeRefuseWrites;
    },
  };
  const route = createRouter(site.ctx, contentHandlers, pageHandlers);
  return { ...site, failing, send: (message: unknown) => route(message, popup) };
}

describe('the browser refusing a write', () => {
  beforeEach(resetFakeBrowser);
  afterEach(() => {
    delete flag.freigabeRefuseWrites;
  });

  it('a decision made while the quota is exceeded is refused at once, with nothing kept', async () => {
    const { ctx, failing, send } = await setup('QuotaExceededError');
    failing.on = true;
    const reply = await send({ type: 'decide', siteId, commentIds: [1, 2], decision: 'approve' });
    expect(reply).toEqual({ ok: false, error: { code: 'storage_full', message: getMessage('storageFull') } });
    expect(getMessage('storageFull')).toMatch(/storage for Freigabe is full/);
    // Neither half of the transaction stayed: the comments wait as before, the outbox is empty.
    expect((await ctx.db.comments.toArray()).map((comment) => comment.status)).toEqual(['hold', 'hold']);
    expect(await ctx.db.outbox.count()).toBe(0);
    // Once the browser has room again the same decision goes through.
    failing.on = false;
    expect(await send({ type: 'decide', siteId, commentIds: [1], decision: 'approve' })).toMatchObject({ ok: true });
    expect(await ctx.db.outbox.count()).toBe(1);
  });

  it('a transaction aborted while the decision is written refuses the decision with its own message', async () => {
    const { ctx, failing, send } = await setup('AbortError');
    failing.on = true;
    const reply = await send({ type: 'decide', siteId, commentIds: [1], decision: 'spam' });
    expect(reply).toEqual({ ok: false, error: { code: 'storage_failed', message: getMessage('storageFailed') } });
    expect(await ctx.db.outbox.count()).toBe(0);
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('hold');
  });

  it('a reply that cannot be stored is refused and its saved draft stays', async () => {
    const { ctx, failing, send } = await setup('QuotaExceededError');
    const text = 'Danke, das stimmt so.';
    expect(await send({ type: 'saveDraft', siteId, commentId: 1, kind: 'reply', content: text })).toMatchObject({
      ok: true,
    });
    failing.on = true;
    const reply = await send({ type: 'decide', siteId, commentIds: [1], decision: 'approveAndReply', content: text });
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect((await ctx.db.drafts.get([siteId, 1, 'reply']))?.content).toBe(text);
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('hold');
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('a draft that cannot be stored is refused, not reported as saved', async () => {
    const { failing, send } = await setup('QuotaExceededError');
    failing.on = true;
    const reply = await send({ type: 'saveDraft', siteId, commentId: 2, kind: 'reply', content: 'Moment' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage_full' } });
  });

  it('is classified from the error and its inner chain, and a fetch timeout is not the storage', () => {
    expect(storageFailure(quotaExceeded())).toBe('full');
    expect(storageFailure({ name: 'AbortError', inner: quotaExceeded() })).toBe('full');
    expect(storageFailure(aborted())).toBeNull();
    expect(storageFailure(new TypeError('Failed to fetch'))).toBeNull();
    expect(storageFailure(new Dexie.AbortError('aborted'))).toBe('failed');
    // Our own mistakes are bugs to report, not the browser's storage failing.
    expect(storageFailure(new Dexie.ConstraintError('duplicate key'))).toBeNull();
    expect(storageFailure(new Dexie.InvalidArgumentError('bad key'))).toBeNull();
  });
});
