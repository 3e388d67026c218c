/**
 * "Block this commenter" on the real WordPress (7.1; 6.1 in compat-integration): the Bridge's
 * blocklist route adds a line to "Disallowed Comment Keys" or "Comment Moderation" for an
 * administrator, records it as Freigabe's and removes exactly that line again; a visitor's comment
 * posted after a block lands where the list says (Trash / pending), and after the undo where it
 * would have landed before. Editors are told that only an administrator may, authors are not
 * offered it, and without the Bridge (or with a 1.0 Bridge) the user learns what is missing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setBridge, setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';
import { blockCommenter, unblock } from '../../src/background/blocklist/change.ts';
import { blocklistMaxAgeMs, refreshBlocklist } from '../../src/background/blocklist/read.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncAllSites } from '../../src/background/sync/schedule.ts';
import { matchBlocklists } from '../../src/shared/blocklist.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { restRequest, restRoot, user } from '../support/rest.ts';
import { postAsVisitor } from '../support/visitor.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const siteId = `${wp.url}/wp-json/`;
const run = Math.random().toString(36).slice(2, 8);
/** A line the administrator wrote: Freigabe must never remove it. */
const adminsOwnLine = `eigene-zeile-${run}.example`;
let post = 0;

async function connected(key: 'admin' | 'editor' | 'author'): Promise<BackgroundContext> {
  const ctx = testContext();
  const account = user(wp, key);
  await connectWithPassword(ctx, { url: wp.url, username: account.login, password: account.applicationPassword });
  await syncAllSites(ctx);
  return ctx;
}

/** The route as it answers, as a user (null: signed out). */
async function route(key: 'admin' | 'editor' | 'author' | null, method = 'GET', body?: unknown) {
  const response =
    key === null
      ? await fetch(`${restRoot(wp)}freigabe/v1/blocklist`, { method })
      : await restRequest(restRoot(wp), user(wp, key), 'freigabe/v1/blocklist', {
          method: method as 'GET',
          ...(body === undefined ? {} : { body }),
        });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const visitor = (name: string, fields: { email?: string; url?: string; content?: string } = {}) =>
  postAsVisitor(wp, post, {
    author: name,
    email: fields.email ?? `${name.toLowerCase()}.${run}@example.org`,
    ...(fields.url ? { url: fields.url } : {}),
    content: fields.content ?? `Ein Beitrag von ${name} (${run}, ${Math.random().toString(36).slice(2)}).`,
  });

beforeAll(async () => {
  await setBridge(site, true);
  // Comments of visitors are approved unless a list says otherwise, so each list shows its effect.
  await setScenarios(site, ['no-comment-flood']);
  await setOptions(site, { comment_moderation: 0, disallowed_keys: adminsOwnLine, moderation_keys: '' });
  post = await admin.createPost({ title: `Blocklist ${run}` });
});

beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

afterAll(async () => {
  await admin.removePost(post);
  await setOptions(site, { comment_moderation: 1, disallowed_keys: '', moderation_keys: '' });
  await setScenarios(site, []);
  await setBridge(site, false);
});

describe('blocking a commenter as an administrator, with the Bridge', () => {
  it('reads both lists on sync, with the entries Freigabe added, and again only when an hour old', async () => {
    let clock = Date.now();
    const asked: string[] = [];
    const ctx = testContext({
      now: () => clock,
      fetch: (input, init) => {
        asked.push(decodeURIComponent(String(input)));
        return fetch(input, init);
      },
    });
    const account = user(wp, 'admin');
    await connectWithPassword(ctx, { url: wp.url, username: account.login, password: account.applicationPassword });
    const listReads = () => asked.filter((url) => url.includes('freigabe/v1/blocklist')).length;
    await syncAllSites(ctx);
    const cached = (await ctx.db.sites.get(siteId))?.blocklist;
    expect(cached).toMatchObject({ state: 'read', lists: { disallowed: [adminsOwnLine], moderation: [] } });
    expect(listReads()).toBe(1);
    clock += blocklistMaxAgeMs - 60_000;
    await syncAllSites(ctx);
    expect(listReads()).toBe(1);
    clock += 120_000;
    await syncAllSites(ctx);
    expect(listReads()).toBe(2);
  });

  it('by email into the Disallowed list: their next comment goes to the Trash; undo lets them through again', async () => {
    const email = `stoerer.${run}@example.org`;
    const source = await admin.createComment(post, { status: 'hold', author_name: 'Störer', author_email: email });
    const ctx = await connected('admin');
    const answer = await blockCommenter(ctx, { siteId, commentId: source.id, key: 'email', list: 'disallowed' });
    expect(answer).toEqual({ list: 'disallowed', entry: email, result: 'added' });

    const blocked = await visitor('Störer', { email });
    expect(blocked.status).toBe('trash');
    // Someone else still gets through.
    expect((await visitor('Andere')).status).toBe('approved');
    // The extension shows the match on the comment the block came from.
    const lists = (await ctx.db.sites.get(siteId))?.blocklist;
    if (lists?.state !== 'read') throw new Error('lists not read');
    const comment = await ctx.db.comments.get([siteId, source.id]);
    if (!comment) throw new Error('comment not cached');
    expect(matchBlocklists(lists.lists, comment)).toEqual({ list: 'disallowed', entry: email });

    expect(await unblock(ctx, siteId, { list: 'disallowed', entry: email })).toEqual({ result: 'removed' });
    expect((await visitor('Störer', { email })).status).toBe('approved');
    // The administrator's own line is still there.
    expect((await route('admin')).json).toMatchObject({ disallowed: [adminsOwnLine], added: [] });
  });

  it('by website host and by a word into the Moderation list: their next comment waits', async () => {
    const host = `werbung-${run}.example`;
    const source = await admin.createComment(post, {
      status: 'hold',
      author_name: 'Werber',
      author_url: `https://www.${host}/angebot`,
    });
    const ctx = await connected('admin');
    expect(await blockCommenter(ctx, { siteId, commentId: source.id, key: 'host', list: 'moderation' })).toMatchObject({
      entry: host,
      result: 'added',
    });
    const word = `Quittenmus${run}`;
    expect(
      await blockCommenter(ctx, { siteId, commentId: source.id, key: 'word', word: ` ${word} `, list: 'moderation' }),
    ).toMatchObject({ entry: word, result: 'added' });

    expect((await visitor('Werber', { url: `http://${host}/` })).status).toBe('hold');
    expect((await visitor('Koch', { content: `Mein Rezept für ${word.toLowerCase()} ist das beste.` })).status).toBe(
      'hold',
    );
    expect((await visitor('Leserin')).status).toBe('approved');

    await unblock(ctx, siteId, { list: 'moderation', entry: host });
    await unblock(ctx, siteId, { list: 'moderation', entry: word });
    expect((await visitor('Werber', { url: `http://${host}/` })).status).toBe('approved');
    expect((await route('admin')).json).toMatchObject({ moderation: [], added: [] });
  });

  it('leaves a line the administrator wrote alone: adding it again is not Freigabe’s, removing it is refused', async () => {
    const source = await admin.createComment(post, { status: 'hold', content: `Hier steht ${adminsOwnLine} drin.` });
    const ctx = await connected('admin');
    expect(
      await blockCommenter(ctx, {
        siteId,
        commentId: source.id,
        key: 'word',
        word: adminsOwnLine.toUpperCase(),
        list: 'disallowed',
      }),
    ).toMatchObject({ result: 'present' });
    await expect(unblock(ctx, siteId, { list: 'disallowed', entry: adminsOwnLine })).rejects.toMatchObject({
      code: 'blocklist_not_added',
    });
    expect((await route('admin')).json).toMatchObject({ disallowed: [adminsOwnLine], added: [] });
  });

  it('an entry added again after the administrator removed its line by hand is recorded once', async () => {
    const entry = `wieder-da-${run}.example`;
    expect((await route('admin', 'POST', { list: 'moderation', entry })).json).toMatchObject({ result: 'added' });
    await setOptions(site, { moderation_keys: '' });
    expect((await route('admin', 'POST', { list: 'moderation', entry })).json).toMatchObject({ result: 'added' });
    // The hand-removed line's record was replaced, not kept beside the new one.
    const records = (await route('admin')).json.added as { entry: string }[];
    expect(records.filter((record) => record.entry === entry)).toHaveLength(1);
    expect((await route('admin', 'DELETE', { list: 'moderation', entry })).json).toMatchObject({ result: 'removed' });
    expect((await route('admin')).json).toMatchObject({ moderation: [], added: [] });
  });

  it('refuses entries WordPress would match almost everywhere, and more than one line', async () => {
    const short = await route('admin', 'POST', { list: 'moderation', entry: ' ab ' });
    expect(short).toMatchObject({ status: 400, json: { code: 'rest_invalid_param' } });
    const twoLines = await route('admin', 'POST', { list: 'moderation', entry: 'eins\nzwei' });
    expect(twoLines.status).toBe(400);
    const unknownList = await route('admin', 'POST', { list: 'spam', entry: 'irgendwas' });
    expect(unknownList.status).toBe(400);
    expect((await route('admin')).json).toMatchObject({ moderation: [] });
  });
});

describe('who may block', () => {
  it('an editor is told that only an administrator may, and nothing changes', async () => {
    const source = await admin.createComment(post, { status: 'hold', author_email: `editor-ziel.${run}@example.org` });
    const ctx = await connected('editor');
    expect((await ctx.db.sites.get(siteId))?.blocklist).toMatchObject({ state: 'admin-only' });
    await expect(
      blockCommenter(ctx, { siteId, commentId: source.id, key: 'email', list: 'disallowed' }),
    ).rejects.toMatchObject({ code: 'blocklist_admin_only' });
    expect(await route('editor', 'POST', { list: 'disallowed', entry: 'editor-ziel' })).toMatchObject({
      status: 403,
      json: { code: 'freigabe_bridge_admin_only' },
    });
    expect((await route('admin')).json).toMatchObject({ disallowed: [adminsOwnLine] });
  });

  it('an author is not offered it (and the route refuses them); signed out is 401', async () => {
    const ctx = await connected('author');
    expect((await ctx.db.sites.get(siteId))?.blocklist).toBeUndefined();
    await expect(blockCommenter(ctx, { siteId, commentId: 1, key: 'email', list: 'disallowed' })).rejects.toMatchObject(
      { code: 'blocklist_not_offered' },
    );
    expect((await route('author')).status).toBe(403);
    expect((await route(null)).status).toBe(401);
  });

  it('an old Bridge (1.0) asks for the update', async () => {
    const ctx = await connected('admin');
    const bridge = (await ctx.db.sites.get(siteId))?.bridge;
    if (!bridge) throw new Error('no Bridge detected');
    await ctx.db.sites.update(siteId, { bridge: { ...bridge, version: '1.0.0', blocklist: false } });
    await expect(blockCommenter(ctx, { siteId, commentId: 1, key: 'email', list: 'disallowed' })).rejects.toMatchObject(
      { code: 'blocklist_old_bridge' },
    );
  });
});

describe('without the Bridge', () => {
  it('says the Bridge is needed, reads nothing and changes nothing', async () => {
    await setBridge(site, false);
    try {
      const source = await admin.createComment(post, { status: 'hold' });
      const ctx = await connected('admin');
      expect((await ctx.db.sites.get(siteId))?.bridge).toBeNull();
      expect(await refreshBlocklist(ctx, siteId)).toBeUndefined();
      await expect(
        blockCommenter(ctx, { siteId, commentId: source.id, key: 'email', list: 'disallowed' }),
      ).rejects.toMatchObject({ code: 'blocklist_no_bridge' });
    } finally {
      await setBridge(site, true);
    }
  });
});
