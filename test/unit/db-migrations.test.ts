/** Opening a database an older version of Freigabe wrote upgrades it without losing a row. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ofPost, withStatus } from '../../src/shared/db/comment-ranges.ts';
import { currentSchemaVersion, FreigabeDb } from '../../src/shared/db/index.ts';
import { addNextSchema, nextSchemaVersion } from '../../src/shared/db/next-schema.ts';
import { testSite } from '../support/rows.ts';

/** The stores each earlier version declared (index: the version), exactly as that version wrote them. */
const earlierStores: Record<number, Record<string, string>> = {
  1: {
    sites: 'id, origin',
    credentials: 'siteId',
    comments: '[siteId+id], [siteId+status], [siteId+post+status], status, date',
    posts: '[siteId+id]',
  },
  2: { outbox: '++id, siteId, [siteId+commentId], state, notBefore' },
  3: {
    comments: '[siteId+id], [siteId+status], [siteId+post+status], [siteId+post], status, date, authorEmail',
    drafts: '[siteId+commentId+kind], siteId, updatedAt',
    reputation: '[siteId+key], siteId',
    syncState: 'siteId',
  },
  4: {
    syncSeen: '[siteId+id]',
    commenterHistory: '[siteId+email], siteId, nextCheckAt',
  },
  5: { settings: 'key' },
  6: { jobs: '++id, siteId, state', jobChunks: '[jobId+seq], jobId' },
};

/** The version this build opens: every migration below must end there with every row kept. */
const currentVersion = currentSchemaVersion;

/** A database as Freigabe at `version` left it. */
function earlierDb(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) db.version(v).stores(earlierStores[v] ?? {});
  return db;
}

describe('database migrations', () => {
  it('v1 (sites, credentials, comments, posts) → v2 (+ outbox)', async () => {
    const name = `migration-${Math.random()}`;
    const v1 = earlierDb(name, 1);
    const site = testSite();
    await v1.table('sites').put(site);
    await v1.table('credentials').put({ siteId: site.id, auth: { kind: 'cookie', nonce: 'abcdef0123' } });
    await v1.table('comments').put({ siteId: site.id, id: 7, post: 4, status: 'hold', date: 1 });
    await v1.table('posts').put({ siteId: site.id, id: 4, title: 'T', link: '', author: null });
    v1.close();

    const db = new FreigabeDb(name);
    await db.open();
    expect(db.verno).toBe(currentVersion);
    expect(await db.sites.get(site.id)).toEqual(site);
    expect(await db.credentials.count()).toBe(1);
    expect(await db.comments.where('[siteId+status]').equals([site.id, 'hold']).count()).toBe(1);
    expect(await db.posts.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });

  it('v2 (+ outbox) → v3 (+ drafts, reputation, sync state; comments by post and author email)', async () => {
    const name = `migration-${Math.random()}`;
    const v2 = earlierDb(name, 2);
    const site = testSite();
    await v2.table('sites').put(site);
    await v2.table('comments').bulkPut([
      { siteId: site.id, id: 7, post: 4, status: 'hold', date: 1, authorEmail: 'a@example.org' },
      { siteId: site.id, id: 8, post: 4, status: 'approved', date: 2, authorEmail: 'b@example.org' },
    ]);
    await v2
      .table('outbox')
      .add({ siteId: site.id, commentId: 7, decision: 'approve', state: 'waiting', notBefore: 0 });
    v2.close();

    const db = new FreigabeDb(name);
    await db.open();
    expect(db.verno).toBe(currentVersion);
    expect(await ofPost(db, site.id, 4).count()).toBe(2);
    expect(await db.comments.get([site.id, 8])).toMatchObject({ authorEmail: 'b@example.org', status: 'approved' });
    expect(await db.outbox.where('[siteId+commentId]').equals([site.id, 7]).count()).toBe(1);
    await db.drafts.put({ siteId: site.id, commentId: 7, kind: 'reply', content: 'Danke!', updatedAt: 3 });
    expect(await db.drafts.get([site.id, 7, 'reply'])).toMatchObject({ content: 'Danke!' });
    expect(await db.reputation.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });

  it('v3 → v4 (+ what a sync in progress has read, + commenter histories): every row is kept', async () => {
    const name = `migration-${Math.random()}`;
    const v3 = earlierDb(name, 3);
    const site = testSite();
    const reputation = {
      siteId: site.id,
      key: 'email:a@example.org',
      approved: 1,
      spam: 0,
      trashed: 0,
      updatedAt: 5,
      byComment: { 8: 'approved' },
    };
    await v3.table('sites').put(site);
    await v3
      .table('comments')
      .put({ siteId: site.id, id: 7, post: 4, status: 'hold', date: 1, authorEmail: 'a@example.org', syncedAt: 5 });
    await v3.table('drafts').put({ siteId: site.id, commentId: 7, kind: 'reply', content: 'Danke!', updatedAt: 3 });
    await v3.table('reputation').put(reputation);
    await v3.table('syncState').put({ siteId: site.id, counts: null, cursor: null, contextFetchedAt: { 4: 3 } });
    v3.close();

    const db = new FreigabeDb(name);
    await db.open();
    expect(db.verno).toBe(currentVersion);
    expect(await db.reputation.get([site.id, 'email:a@example.org'])).toEqual(reputation);
    expect(await db.syncState.get(site.id)).toMatchObject({ contextFetchedAt: { 4: 3 } });
    expect(await db.commenterHistory.count()).toBe(0);
    const history = { siteId: site.id, email: 'a@example.org', approved: 3, checkedAt: 10, nextCheckAt: 20 };
    await db.commenterHistory.put(history);
    expect(await db.commenterHistory.get([site.id, 'a@example.org'])).toEqual(history);
    expect(await db.commenterHistory.where('siteId').equals(site.id).count()).toBe(1);
    expect(await db.commenterHistory.where('nextCheckAt').below(21).count()).toBe(1);
    expect(await db.comments.get([site.id, 7])).toMatchObject({ status: 'hold', syncedAt: 5 });
    expect(await db.drafts.get([site.id, 7, 'reply'])).toMatchObject({ content: 'Danke!' });
    expect(await db.syncSeen.count()).toBe(0);
    await db.syncSeen.put({ siteId: site.id, id: 7, syncedAt: 9 });
    expect(await db.syncSeen.get([site.id, 7])).toMatchObject({ syncedAt: 9 });
    db.close();
    await Dexie.delete(name);
  });

  it('v4 → v5 (+ settings, out of storage.local): every row is kept', async () => {
    const name = `migration-${Math.random()}`;
    const v4 = earlierDb(name, 4);
    const site = testSite();
    await v4.table('sites').put(site);
    await v4.table('commenterHistory').put({ siteId: site.id, email: 'a@example.org', approved: 1, nextCheckAt: 2 });
    v4.close();

    const db = new FreigabeDb(name);
    await db.open();
    expect(db.verno).toBe(currentVersion);
    expect(await db.sites.get(site.id)).toEqual(site);
    expect(await db.commenterHistory.count()).toBe(1);
    expect(await db.settings.count()).toBe(0);
    await db.settings.put({ key: 'settings', value: { undoWindowSeconds: 10 } });
    expect(await db.settings.get('settings')).toEqual({ key: 'settings', value: { undoWindowSeconds: 10 } });
    db.close();
    await Dexie.delete(name);
  });

  it('v5 → v6 (+ bulk jobs and their chunks): every row is kept', async () => {
    const name = `migration-${Math.random()}`;
    const v5 = earlierDb(name, 5);
    const site = testSite();
    await v5.table('sites').put(site);
    await v5.table('settings').put({ key: 'settings', value: { undoWindowSeconds: 7 } });
    v5.close();

    const db = new FreigabeDb(name);
    await db.open();
    expect(db.verno).toBe(currentVersion);
    expect(await db.sites.get(site.id)).toEqual(site);
    expect(await db.settings.get('settings')).toEqual({ key: 'settings', value: { undoWindowSeconds: 7 } });
    expect(await db.jobs.count()).toBe(0);
    expect(await db.jobChunks.where('jobId').equals(1).count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });

  it('v6 → v7 (comments by status and date in one index; the unused indexes gone): every row kept, the queue of all sites read newest first', async () => {
    const name = `migration-${Math.random()}`;
    const v6 = earlierDb(name, 6);
    const [one, two] = [testSite(), { ...testSite(), id: 'https://zwei.example/wp-json/' }];
    const row = (siteId: string, id: number, status: string, date: number) =>
      ({ siteId, id, post: 4, status, date, authorEmail: 'a@example.org' }) as const;
    await v6
      .table('comments')
      .bulkPut([
        row(one.id, 1, 'hold', 30),
        row(one.id, 2, 'approved', 50),
        row(two.id, 1, 'hold', 40),
        row(two.id, 2, 'hold', 10),
      ]);
    await v6.table('jobs').add({ siteId: one.id, state: 'paused' });
    v6.close();

    const db = new FreigabeDb(name);
    await db.open();
    expect(db.verno).toBe(currentVersion);
    expect(db.comments.schema.indexes.map((index) => index.name).sort()).toEqual([
      '[siteId+post+status]',
      '[siteId+status]',
      '[status+date]',
    ]);
    expect(await db.comments.count()).toBe(4);
    expect((await withStatus(db, 'hold').reverse().toArray()).map((comment) => comment.date)).toEqual([40, 30, 10]);
    expect(await withStatus(db, 'approved').count()).toBe(1);
    expect(await ofPost(db, two.id, 4).count()).toBe(2);
    expect(await db.jobs.count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });

  it('an update adding a version (the update test’s next schema) while the old build holds the database open: the old connection closes on versionchange, nothing blocks, every row is kept', async () => {
    const name = `migration-${Math.random()}`;
    const old = new FreigabeDb(name);
    const site = testSite();
    await old.sites.put(site);
    const snapshot = { siteId: site.id, id: 7, post: 4, status: 'hold', date: 1 } as never;
    const waiting = { siteId: site.id, commentId: 7, decision: 'approve', previousStatus: 'hold', snapshot };
    await old.outbox.bulkAdd(
      [3, 1, 2].map((n) => ({ ...waiting, commentId: n, state: 'waiting', createdAt: n, notBefore: n }) as never),
    );
    await old.drafts.put({ siteId: site.id, commentId: 7, kind: 'reply', content: 'Gleich.', updatedAt: 3 });
    await old.jobs.add({ siteId: site.id, state: 'paused' } as never);
    let blocked = 0;
    // The old build's page or worker stays open, as the popup and the article do during an update.
    expect(old.isOpen()).toBe(true);

    const next = new FreigabeDb(name);
    addNextSchema(next);
    next.on('blocked', () => {
      blocked += 1;
    });
    await next.open();
    expect(next.verno).toBe(nextSchemaVersion);
    expect(blocked).toBe(0);
    expect(old.isOpen()).toBe(false);
    expect(await next.sites.get(site.id)).toEqual(site);
    expect(await next.drafts.get([site.id, 7, 'reply'])).toMatchObject({ content: 'Gleich.' });
    expect(await next.jobs.count()).toBe(1);
    // The new index is built over the rows that were there.
    expect((await next.outbox.orderBy('createdAt').toArray()).map((row) => row.commentId)).toEqual([1, 2, 3]);
    next.close();
    await Dexie.delete(name);
  });
});
