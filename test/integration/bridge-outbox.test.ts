/**
 * The ordinary outbox through the Freigabe Bridge: the status decisions of one site and action due
 * in the same round go as one bulk request, each expecting the status it was decided on; a comment
 * another moderator moved meanwhile lands in the outbox's conflict state (not overwritten), and a
 * retry then means "do it anyway"; edits stay on REST; a Bridge deactivated since the last sync
 * is noticed and the decisions go over REST as without it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setBridge } from '../../scripts/wp/scenarios.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { retryDecision } from '../../src/background/outbox/retry.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { commentFields } from '../../src/shared/wp/comments.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { basicAuth, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const siteId = `${wp.url}/wp-json/`;
const commenter = { ip: '198.51.100.88', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Bridge-Outbox/1.0' };
const posts: number[] = [];

/** The extension connected as the editor, counting what its requests asked for. */
async function connected(): Promise<{ ctx: BackgroundContext; asked: string[] }> {
  const asked: string[] = [];
  const ctx = testContext({
    fetch: (input, init) => {
      asked.push(`${init?.method ?? 'GET'} ${decodeURIComponent(String(input)).replace(siteId, '')}`);
      return fetch(input, init);
    },
  });
  await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
  asked.length = 0;
  return { ctx, asked };
}

async function arrange(count: number, title: string): Promise<number[]> {
  const post = await admin.createPost({ title });
  posts.push(post);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await admin.createComment(post, { status: 'hold', ...commenter })).id);
  return ids;
}

async function flushAll(ctx: BackgroundContext): Promise<void> {
  while ((await flushOutbox(ctx)).sent > 0) {
    // until nothing is due
  }
}

const status = async (id: number) => (await admin.read(id)).status;

beforeAll(async () => {
  await setBridge(site, true);
});

beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

afterAll(async () => {
  for (const post of posts) await admin.removePost(post);
  await setBridge(site, false);
});

describe('the outbox through the Freigabe Bridge', () => {
  it('sends the decisions of one round as one bulk request per action, and edits over REST', async () => {
    const ids = await arrange(6, 'Bridge-Outbox: eine Runde');
    const { ctx, asked } = await connected();
    expect((await ctx.db.sites.get(siteId))?.bridge?.version).toBe('1.1.2');
    await decide(ctx, { siteId, commentIds: ids.slice(0, 4), decision: 'approve', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: ids.slice(4), decision: 'trash', undoWindowMs: 0 });
    await decide(ctx, {
      siteId,
      commentIds: [ids[0] ?? 0],
      decision: 'edit',
      content: 'Neu formuliert.',
      undoWindowMs: 0,
    });
    await flushAll(ctx);

    expect(await Promise.all(ids.map(status))).toEqual([
      'approved',
      'approved',
      'approved',
      'approved',
      'trash',
      'trash',
    ]);
    expect((await admin.read(ids[0] ?? 0)).content.raw).toBe('Neu formuliert.');
    const bulkRequests = asked.filter((request) => request.includes('freigabe/v1/comments/bulk'));
    expect(bulkRequests).toEqual(['POST freigabe/v1/comments/bulk', 'POST freigabe/v1/comments/bulk']);
    // The edit went over REST (the Bridge changes statuses only); no status went over REST.
    expect(asked.filter((request) => /wp\/v2\/comments\/\d+/.test(request) && request.startsWith('POST'))).toEqual([
      `POST wp/v2/comments/${ids[0]}?context=edit&_fields=${commentFields.join(',')}`,
    ]);
    expect(await ctx.db.outbox.where('state').notEqual('done').count()).toBe(0);
    const cached = await ctx.db.comments.where('siteId').equals(siteId).toArray();
    expect(cached.filter((row) => ids.includes(row.id)).map((row) => row.status)).toEqual([
      'approved',
      'approved',
      'approved',
      'approved',
      'trash',
      'trash',
    ]);
    for (const id of ids) {
      const stored = await admin.read(id);
      expect({ ip: stored.author_ip, userAgent: stored.author_user_agent }).toEqual(commenter);
    }
  });

  it('leaves a comment another moderator moved meanwhile, shows the conflict, and overwrites only on retry', async () => {
    const [mine = 0, theirs = 0] = await arrange(2, 'Bridge-Outbox: Konflikt');
    const { ctx } = await connected();
    // Another moderator approves one of them after Freigabe synced it as pending.
    await fetch(`${siteId}wp/v2/comments/${theirs}`, {
      method: 'POST',
      headers: { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'approved', author_ip: commenter.ip, author_user_agent: commenter.userAgent }),
    });
    const [, theirsDecision = 0] = await decide(ctx, {
      siteId,
      commentIds: [mine, theirs],
      decision: 'spam',
      undoWindowMs: 0,
    });
    const summary = await flushOutbox(ctx);
    expect({ done: summary.done, conflicts: summary.conflicts }).toEqual({ done: 1, conflicts: 1 });
    expect(await status(mine)).toBe('spam');
    expect(await status(theirs)).toBe('approved');
    const row = await ctx.db.outbox.get(theirsDecision);
    expect(row?.state).toBe('conflict');
    expect(row?.error).toMatchObject({ kind: 'conflict', code: 'freigabe_bridge_status_changed' });
    expect(row?.error?.message).toBe(
      'another moderator moved it to “Approved” first, and it was left there. Retry to do it anyway.',
    );
    // The cache shows where the comment really is.
    expect((await ctx.db.comments.get([siteId, theirs]))?.status).toBe('approved');

    // "Do it anyway": the retry expects what the other moderator left.
    await retryDecision(ctx, theirsDecision);
    await flushAll(ctx);
    expect(await status(theirs)).toBe('spam');
    expect((await ctx.db.outbox.get(theirsDecision))?.state).toBe('done');
  });

  it('notices a Bridge deactivated since the last sync and sends over REST instead', async () => {
    const [id = 0] = await arrange(1, 'Bridge-Outbox: abgeschaltet');
    const { ctx, asked } = await connected();
    expect((await ctx.db.sites.get(siteId))?.bridge).not.toBeNull();
    await setBridge(site, false);
    await decide(ctx, { siteId, commentIds: [id], decision: 'approve', undoWindowMs: 0 });
    await flushAll(ctx);
    expect(await status(id)).toBe('approved');
    expect(await ctx.db.outbox.where('state').notEqual('done').count()).toBe(0);
    expect((await ctx.db.sites.get(siteId))?.bridge).toBeNull();
    expect(asked.filter((request) => request.startsWith('POST'))).toEqual([
      'POST freigabe/v1/comments/bulk',
      `POST wp/v2/comments/${id}?_fields=${commentFields.join(',')}`,
    ]);
    await setBridge(site, true);
  });
});
