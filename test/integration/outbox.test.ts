/**
 * The outbox against the real WordPress: decisions arrive as made, with the commenter's data kept;
 * undo after sending restores; through a flaky network (refused connections, 503 storms, 429,
 * truncated answers, a sign-in that expires mid-flush) every decision arrives exactly once.
 */
import { describe, expect, inject, it } from 'vitest';
import { decide, undo } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import type { Decision } from '../../src/shared/db/index.ts';
import { testContext } from '../support/background-context.ts';
import type { Fault } from '../support/fault-proxy.ts';
import { useProxiedWordPress } from '../support/proxied-wordpress.ts';
import { restRequest, restRoot, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const proxyHandle = useProxiedWordPress(wp.url);

async function connectedEditor(url: string, clock?: () => number) {
  const ctx = testContext(clock ? { now: clock } : {});
  await connectWithPassword(ctx, { url, username: editor.login, password: editor.applicationPassword });
  return { ctx, siteId: `${url}/wp-json/` };
}

async function arrange(count: number): Promise<number[]> {
  const post = await admin.createPost({ title: `Outbox ${Math.random().toString(36).slice(2, 7)}` });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await admin.createComment(post, { status: 'hold' })).id);
  return ids;
}

describe('outbox → WordPress', () => {
  it('sends approve / spam / trash / unapprove as decided, keeping the commenter’s IP and user agent', async () => {
    const ids = await arrange(8);
    const { ctx, siteId } = await connectedEditor(wp.url);
    const plan: [number[], Decision][] = [
      [ids.slice(0, 3), 'approve'],
      [ids.slice(3, 5), 'spam'],
      [ids.slice(5, 7), 'trash'],
      [ids.slice(7), 'approve'],
    ];
    for (const [commentIds, decision] of plan) await decide(ctx, { siteId, commentIds, decision, undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: ids.slice(7), decision: 'unapprove', undoWindowMs: 0 });
    while ((await flushOutbox(ctx)).sent > 0) {
      // until nothing is due
    }
    const stored = await Promise.all(ids.map((id) => admin.read(id)));
    expect(stored.map((c) => c.status)).toEqual([
      'approved',
      'approved',
      'approved',
      'spam',
      'spam',
      'trash',
      'trash',
      'hold',
    ]);
    for (const comment of stored) expect(comment.author_ip).toBe('198.51.100.200');
    expect(await ctx.db.outbox.where('state').notEqual('done').count()).toBe(0);
  });

  it('undo after sending restores the comment on WordPress', async () => {
    const [id = 0] = await arrange(1);
    const { ctx, siteId } = await connectedEditor(wp.url);
    const [outboxId = 0] = await decide(ctx, { siteId, commentIds: [id], decision: 'spam', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect((await admin.read(id)).status).toBe('spam');
    expect(await undo(ctx, outboxId)).toBe('reversed');
    await flushOutbox(ctx);
    expect((await admin.read(id)).status).toBe('hold');
  });

  it('undo of "spam" on a trashed comment puts it back in the trash (the model re-trashes; not pending)', async () => {
    const [id = 0] = await arrange(1);
    const { ctx, siteId } = await connectedEditor(wp.url);
    await decide(ctx, { siteId, commentIds: [id], decision: 'trash', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect((await admin.read(id)).status).toBe('trash');
    const [outboxId = 0] = await decide(ctx, { siteId, commentIds: [id], decision: 'spam', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect((await admin.read(id)).status).toBe('spam');
    expect(await undo(ctx, outboxId)).toBe('reversed');
    expect((await ctx.db.outbox.orderBy('id').last())?.decision).toBe('trash');
    await flushOutbox(ctx);
    expect((await admin.read(id)).status).toBe('trash');
    expect((await ctx.db.comments.get([siteId, id]))?.status).toBe('trash');
  });

  it('a decision on a comment someone deleted in wp-admin meanwhile resolves and says so', async () => {
    const [id = 0] = await arrange(1);
    const { ctx, siteId } = await connectedEditor(wp.url);
    await decide(ctx, { siteId, commentIds: [id], decision: 'approve', undoWindowMs: 0 });
    await restRequest(restRoot(wp), user(wp, 'admin'), `wp/v2/comments/${id}?force=true`, { method: 'DELETE' });
    await flushOutbox(ctx);
    expect((await ctx.db.outbox.toArray())[0]).toMatchObject({
      state: 'done',
      error: { code: 'rest_comment_invalid_id' },
    });
    expect(await ctx.db.comments.get([siteId, id])).toBeUndefined();
  });
});

describe('text decisions → WordPress', () => {
  it('edit keeps the commenter’s data; approve-and-reply approves the parent and posts the reply', async () => {
    const [edited = 0, parent = 0] = await arrange(2);
    const { ctx, siteId } = await connectedEditor(wp.url);
    await decide(ctx, {
      siteId,
      commentIds: [edited],
      decision: 'edit',
      content: 'Sauber formuliert.',
      undoWindowMs: 0,
    });
    await decide(ctx, {
      siteId,
      commentIds: [parent],
      decision: 'approveAndReply',
      content: 'Danke, freigegeben!',
      undoWindowMs: 0,
    });
    for (let run = 0; run < 3; run++) await flushOutbox(ctx);
    expect(await admin.read(edited)).toMatchObject({
      content: { raw: 'Sauber formuliert.' },
      author_ip: '198.51.100.200',
    });
    expect((await admin.read(parent)).status).toBe('approved');
    const replyRow = (await ctx.db.outbox.toArray()).find((row) => row.decision === 'reply');
    expect(replyRow).toMatchObject({ state: 'done' });
    const reply = await admin.read(replyRow?.resultId ?? 0);
    expect(reply).toMatchObject({ status: 'approved', parent, content: { raw: 'Danke, freigegeben!' } });
    expect((await ctx.db.comments.get([siteId, replyRow?.resultId ?? 0]))?.parent).toBe(parent);
  });
});

describe('outbox through a flaky network', () => {
  it('every decision arrives exactly once, whatever the faults', async () => {
    const ids = await arrange(20);
    let clock = Date.now();
    const { ctx, siteId } = await connectedEditor(proxyHandle.current.url, () => clock);
    await syncPending(ctx, siteId);
    await decide(ctx, { siteId, commentIds: ids.slice(0, 10), decision: 'approve', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: ids.slice(10), decision: 'spam', undoWindowMs: 0 });

    const faults: Fault[] = [
      'drop',
      'status-503',
      'rate-limit',
      'truncate-chunked',
      'status-500',
      'strip-authorization',
    ];
    let answersLost = new Map<string, number>();
    for (const fault of faults) {
      proxyHandle.current.fault = fault;
      await flushOutbox(ctx);
      // A truncated answer: WordPress acted, the client could not know. Those alone may be sent twice.
      if (fault === 'truncate-chunked') answersLost = new Map(proxyHandle.current.acceptedWrites);
      clock += 11 * 60_000; // past any backoff
    }
    expect(answersLost.size).toBeGreaterThan(0);
    expect(await ctx.db.sites.get(siteId)).toMatchObject({ status: 'needs-login' });

    // The sign-in comes back (e.g. the user signs in again); the faults stop.
    proxyHandle.current.fault = 'none';
    await ctx.db.sites.update(siteId, { status: 'connected' });
    for (let run = 0; run < 5 && (await flushOutbox(ctx)).sent > 0; run++) clock += 11 * 60_000;

    const stored = await Promise.all(ids.map((id) => admin.read(id)));
    expect(stored.map((c) => c.status)).toEqual([...Array(10).fill('approved'), ...Array(10).fill('spam')]);
    expect(await ctx.db.outbox.where('state').notEqual('done').count()).toBe(0);
    // Each decision was accepted by WordPress once — plus once more only where its answer was lost
    // on the way back (the client cannot know it arrived; a repeated status change changes nothing).
    for (const id of ids) {
      const path = `/wp-json/wp/v2/comments/${id}`;
      expect(proxyHandle.current.acceptedWrites.get(path), path).toBe(1 + (answersLost.get(path) ?? 0));
    }
  });
});
