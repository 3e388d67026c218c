/** Opening a database an older version of Freigabe wrote upgrades it without losing a row. */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { FreigabeDb } from '../../src/shared/db/index.ts';
import { testSite } from '../support/rows.ts';

describe('database migrations', () => {
  it('v1 (sites, credentials, comments, posts) → v2 (+ outbox)', async () => {
    const name = `migration-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      sites: 'id, origin',
      credentials: 'siteId',
      comments: '[siteId+id], [siteId+status], [siteId+post+status], status, date',
      posts: '[siteId+id]',
    });
    const site = testSite();
    await v1.table('sites').put(site);
    await v1.table('credentials').put({ siteId: site.id, auth: { kind: 'cookie', nonce: 'abcdef0123' } });
    await v1.table('comments').put({ siteId: site.id, id: 7, post: 4, status: 'hold', date: 1 });
    await v1.table('posts').put({ siteId: site.id, id: 4, title: 'T', link: '', author: null });
    v1.close();

    const db = new FreigabeDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.sites.get(site.id)).toEqual(site);
    expect(await db.credentials.count()).toBe(1);
    expect(await db.comments.where('[siteId+status]').equals([site.id, 'hold']).count()).toBe(1);
    expect(await db.posts.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });
});
