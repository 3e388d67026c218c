// @vitest-environment jsdom
/**
 * The first-time signal on a queue row: confirmed with WordPress for moderators (asked once per
 * address, for the rows shown, never while a regular would flash as new), only "nothing decided
 * here" when WordPress cannot be asked (offline, or an author who sees no addresses).
 */
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { historyFreshForMs } from '../../../src/shared/commenter-history.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { popupHarnessPerTest, rowOf } from '../../support/popup-dom.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const harnesses = popupHarnessPerTest();
const tagOf = (row: HTMLElement) => row.querySelector('.tag.first-time');

/** The comment ids the popup asked the background about, over all its messages. */
const askedIds = () =>
  harnesses
    .current()
    .requestsOf('checkCommenterHistory')
    .flatMap((request) => request.commentIds);

describe('the first-time signal', () => {
  it('asks WordPress once per address; a regular it knows shows no tag, a new address shows "First comment"', async () => {
    const { ctx } = harnesses.current();
    const { db } = ctx;
    // WordPress knows Stamm: three approved comments from before the blog was connected, none cached.
    const wordpress = fakeWordPress(
      [100, 101, 102].map((id) => ({
        id,
        post: 4,
        status: 'approved',
        type: 'comment',
        author_email: 'stamm@example.org',
      })),
    );
    ctx.fetch = wordpress.fetch;
    await db.sites.put(testSite());
    await db.comments.bulkPut([
      commentRow(1, { authorName: 'Neu Hier', authorEmail: 'neu@example.org' }),
      commentRow(2, { authorName: 'Stamm Leser', authorEmail: 'Stamm@Example.org' }),
      commentRow(3, { authorName: 'Stamm Leser', authorEmail: 'stamm@example.org' }),
      commentRow(4, { authorName: 'Bekannt', authorEmail: 'bekannt@example.org', authorIp: '198.51.100.44' }),
      commentRow(5, { authorName: 'Schon Gefragt', authorEmail: 'gefragt@example.org' }),
      commentRow(6, { authorName: 'Ein Blog', authorEmail: 'ping@example.org', type: 'pingback' }),
    ]);
    await db.reputation.put({
      siteId,
      key: 'email:bekannt@example.org',
      approved: 2,
      spam: 0,
      trashed: 0,
      updatedAt: 0,
    });
    const now = Date.now();
    await db.commenterHistory.put({
      siteId,
      email: 'gefragt@example.org',
      approved: 0,
      checkedAt: now,
      nextCheckAt: now + historyFreshForMs,
    });
    // Stamm's rows must never show the tag, not even before WordPress answered.
    const flashed: string[] = [];
    const observer = new MutationObserver(() => {
      for (const tag of document.querySelectorAll('.tag.first-time')) {
        const id = tag.closest('[data-comment-id]')?.getAttribute('data-comment-id');
        if (id === '2' || id === '3' || id === '4') flashed.push(id);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });

    render(<App db={db} tabId={null} />);
    const neu = await rowOf(1);
    await waitFor(() => expect(tagOf(neu)?.textContent).toMatch(/^First comment/));
    expect(tagOf(neu)?.getAttribute('title')).toBe('No approved comment from this email address on this blog so far');
    // Read by screen readers too: the qualification is in the text, visually hidden.
    expect(neu.querySelector('.tag.first-time .visually-hidden')?.textContent).toBe(
      ': No approved comment from this email address on this blog so far',
    );
    await waitFor(async () =>
      expect(await db.commenterHistory.get([siteId, 'stamm@example.org'])).toMatchObject({ approved: 3 }),
    );
    const gefragt = await rowOf(5);
    expect(tagOf(gefragt)?.textContent).toMatch(/^First comment/);
    for (const id of [2, 3, 4, 6]) expect(tagOf(await rowOf(id))).toBeNull();

    // One address, one question: Stamm's two rows asked once; known and freshly answered ones not at all.
    const asked = askedIds();
    expect(asked).toHaveLength(2);
    expect(asked).toContain(1);
    expect(asked.filter((id) => id === 2 || id === 3)).toHaveLength(1);
    const sentToWordPress = wordpress.requests.filter((request) => request.includes('author_email='));
    expect(sentToWordPress).toHaveLength(2);

    // Rows render again (the focus moves): nothing is asked again.
    fireEvent.keyDown(neu, { key: 'j' });
    fireEvent.keyDown(neu, { key: 'j' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(askedIds()).toHaveLength(2);
    observer.disconnect();
    expect(flashed).toEqual([]);
  });

  it('offline: WordPress cannot confirm, so the row says only that nothing was decided here', async () => {
    const { ctx } = harnesses.current();
    const { db } = ctx;
    await db.sites.put(testSite());
    await db.comments.put(commentRow(1, { authorEmail: 'neu@example.org' }));
    render(<App db={db} tabId={null} />);
    const row = await rowOf(1);
    await waitFor(() => expect(tagOf(row)?.textContent).toMatch(/^First seen/));
    expect(tagOf(row)?.getAttribute('title')).toBe(
      'No earlier comment of theirs was decided here; comments decided before the blog was connected are not known',
    );
    expect(askedIds()).toEqual([1]);
    // The failure is remembered: the next popup does not ask within the hour.
    expect(await db.commenterHistory.get([siteId, 'neu@example.org'])).toMatchObject({ approved: null });
  });

  it('an author sees no addresses: local knowledge only, and nothing is asked', async () => {
    const { ctx } = harnesses.current();
    const { db } = ctx;
    await db.sites.put(testSite({ mode: 'author', userId: 3 }));
    await db.posts.put({ siteId, id: 4, title: 'Mein Artikel', link: 'https://blog.example/m/', author: 3 });
    await db.comments.bulkPut([
      commentRow(1, { authorEmail: null, authorIp: null, authorUrl: '' }),
      commentRow(2, { authorEmail: null, authorIp: null, authorUrl: 'https://bekannt.example/' }),
    ]);
    await db.reputation.put({ siteId, key: 'host:bekannt.example', approved: 1, spam: 0, trashed: 0, updatedAt: 0 });
    render(<App db={db} tabId={null} />);
    await waitFor(async () => expect(tagOf(await rowOf(1))?.textContent).toMatch(/^First seen/));
    expect(tagOf(await rowOf(2))).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harnesses.current().requestsOf('checkCommenterHistory')).toEqual([]);
  });
});
