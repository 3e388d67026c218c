/**
 * The one reader of Dexie's change notices: which tables a notice touches, which rows it names. As
 * a table over the shapes Dexie sends, and against the notices real writes make (fake-indexeddb).
 */
import { cmp, Dexie, RangeSet } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChangeNotice, changesIn, touchesRows, touchesTables } from '../../../src/shared/db/change-notice.ts';
import { withStatus } from '../../../src/shared/db/comment-ranges.ts';
import { FreigabeDb } from '../../../src/shared/db/index.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSiteId as site } from '../../support/rows.ts';

const db = 'freigabe';
const keys = (...ids: number[]) => new RangeSet().addKeys(ids.map((id) => [site, id]));
/** As a notice arrives from another context: structured-cloned, without RangeSet's prototype. */
const cloned = (notice: ChangeNotice): ChangeNotice => structuredClone(notice);
/** What Dexie sends after a page comes back from the back/forward cache (dexie.mjs, 'pageshow'). */
const allNotice = { all: new RangeSet(Number.NEGATIVE_INFINITY, [[]]) };

describe('a change notice', () => {
  const table: {
    name: string;
    notice: ChangeNotice;
    touches: Record<string, boolean>;
    comments: ReturnType<typeof changesIn>;
  }[] = [
    {
      name: 'naming three comments',
      notice: { [`idb://${db}/comments/`]: keys(3, 1, 2), [`idb://${db}/comments/:dels`]: keys(3, 1, 2) },
      touches: { comments: true, posts: false, outbox: false },
      comments: {
        kind: 'keys',
        keys: [
          [site, 1],
          [site, 2],
          [site, 3],
        ],
      },
    },
    {
      name: 'naming three comments, from another context',
      notice: cloned({ [`idb://${db}/comments/`]: keys(3, 1, 2) }),
      touches: { comments: true, posts: false },
      comments: {
        kind: 'keys',
        keys: [
          [site, 1],
          [site, 2],
          [site, 3],
        ],
      },
    },
    {
      name: 'with a range (a deleted range, a cleared table, 50 or more rows at once)',
      notice: { [`idb://${db}/comments/`]: new RangeSet([site, 0], [site, 99]) },
      touches: { comments: true, posts: false },
      comments: { kind: 'everything' },
    },
    {
      name: 'Dexie\'s "all" (back from the back/forward cache)',
      notice: allNotice,
      touches: { comments: true, posts: true, outbox: true, syncState: true },
      comments: { kind: 'everything' },
    },
    {
      name: '"all", from another context',
      notice: cloned(allNotice),
      touches: { comments: true, outbox: true },
      comments: { kind: 'everything' },
    },
    {
      name: 'of another database with the same tables',
      notice: { 'idb://other/comments/': keys(1), 'idb://other/posts/': keys(4) },
      touches: { comments: false, posts: false },
      comments: { kind: 'none' },
    },
    {
      name: 'of a table whose name starts like another',
      notice: { [`idb://${db}/postsArchive/`]: keys(1) },
      touches: { posts: false, postsArchive: true },
      comments: { kind: 'none' },
    },
    {
      name: 'with an empty range (nothing was written)',
      notice: { [`idb://${db}/comments/`]: new RangeSet() },
      touches: { comments: false },
      comments: { kind: 'none' },
    },
    {
      name: 'naming only an index of the table',
      notice: { [`idb://${db}/comments/status`]: new RangeSet().addKey('hold') },
      touches: { comments: true },
      comments: { kind: 'everything' },
    },
  ];

  for (const row of table) {
    it(`${row.name}: touches ${Object.entries(row.touches)
      .filter(([, touched]) => touched)
      .map(([name]) => name)
      .join(', ')}`, () => {
      for (const [tableName, touched] of Object.entries(row.touches))
        expect(touchesTables(row.notice, db, [tableName]), tableName).toBe(touched);
      const comments = changesIn(row.notice, db, 'comments');
      if (comments.kind === 'keys') comments.keys.sort((a, b) => cmp(a, b));
      expect(comments).toEqual(row.comments);
    });
  }

  it('names more keys than the reader wants as "everything"', () => {
    const notice = { [`idb://${db}/comments/`]: keys(1, 2, 3, 4, 5) };
    expect(changesIn(notice, db, 'comments', 3)).toEqual({ kind: 'everything' });
    expect(changesIn(notice, db, 'comments', 5).kind).toBe('keys');
  });

  it('touches a list of tables when it touches one of them', () => {
    const notice = { [`idb://${db}/syncState/`]: new RangeSet().addKey(site) };
    expect(touchesTables(notice, db, ['comments', 'posts', 'syncState'])).toBe(true);
    expect(touchesTables(notice, db, ['comments', 'posts'])).toBe(false);
    expect(touchesTables(allNotice, db, [])).toBe(true);
  });
});

describe('whether a notice touches a row', () => {
  it('names it among others, or says everything; not another row, table or database', () => {
    const notice = {
      [`idb://${db}/reputation/`]: new RangeSet().addKey([site, 'ip:198.51.100.7']).addKey([site, 'email:a@b.example']),
    };
    expect(
      touchesRows(notice, db, 'reputation', [
        [site, 'host:x.example'],
        [site, 'ip:198.51.100.7'],
      ]),
    ).toBe(true);
    expect(touchesRows(notice, db, 'reputation', [[site, 'ip:198.51.100.8']])).toBe(false);
    expect(touchesRows(notice, db, 'comments', [[site, 7]])).toBe(false);
    expect(touchesRows(notice, 'another-db', 'reputation', [[site, 'ip:198.51.100.7']])).toBe(false);
    expect(touchesRows(notice, db, 'reputation', [])).toBe(false);
    expect(touchesRows(allNotice, db, 'reputation', [[site, 'ip:198.51.100.8']])).toBe(true);
    const range = { [`idb://${db}/reputation/`]: new RangeSet([site, 'a'], [site, 'z']) };
    expect(touchesRows(range, db, 'reputation', [[site, 'ip:198.51.100.8']])).toBe(true);
  });
});

describe('the notices real writes make', () => {
  const real = new FreigabeDb(`change-notice-${process.pid}`);
  afterAll(() => real.delete());

  /** The notice Dexie fires for what `write` does. */
  async function noticeOf(write: () => Promise<unknown>): Promise<ChangeNotice> {
    let seen: ChangeNotice = {};
    const listener = (notice: ChangeNotice) => {
      seen = { ...seen, ...notice };
    };
    await real.open();
    Dexie.on('storagemutated', listener);
    try {
      await write();
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
    return seen;
  }

  it('a comment written: that comment, nothing else', async () => {
    const notice = await noticeOf(() => real.comments.put(commentRow(7)));
    expect(changesIn(notice, real.name, 'comments')).toEqual({ kind: 'keys', keys: [[site, 7]] });
    expect(touchesTables(notice, real.name, ['posts', 'outbox', 'syncState'])).toBe(false);
  });

  it('a decision added to the outbox (an auto-increment key): the outbox', async () => {
    const notice = await noticeOf(() =>
      real.outbox.add({ siteId: site, commentId: 7, decision: 'approve', state: 'waiting' } as never),
    );
    expect(touchesTables(notice, real.name, ['outbox'])).toBe(true);
    expect(changesIn(notice, real.name, 'outbox').kind).toBe('keys');
    expect(touchesTables(notice, real.name, ['comments'])).toBe(false);
  });

  it('a sync page of 60 comments, a deleted site, a cleared cache: everything', async () => {
    const page = Array.from({ length: 60 }, (_, i) => commentRow(100 + i));
    const written = await noticeOf(() => real.comments.bulkPut(page));
    expect(changesIn(written, real.name, 'comments')).toEqual({ kind: 'everything' });
    const deleted = await noticeOf(() => withStatus(real, 'hold').delete());
    expect(changesIn(deleted, real.name, 'comments').kind).not.toBe('none');
    const cleared = await noticeOf(() => real.comments.clear());
    expect(changesIn(cleared, real.name, 'comments')).toEqual({ kind: 'everything' });
  });
});
