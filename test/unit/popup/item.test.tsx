// @vitest-environment jsdom
/**
 * One comment row: the author (details only for moderators), local reputation, date, post and the
 * comment it answers, signals, and where its decisions stand in the outbox (waiting with undo,
 * failed with WordPress's message, a retry and a dismiss). Authors get no buttons on others' posts.
 */
import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { popupHarnessPerTest, rowOf } from '../../support/popup-dom.ts';
import { commentRow, outboxRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
});

describe('a comment row', () => {
  it('shows author details, reputation, the post, whom it answers, the date, and its signals', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.posts.put({ siteId, id: 4, title: 'Remote-Onboarding', link: 'https://blog.example/r/', author: 3 });
    await db.comments.bulkPut([
      commentRow(10, { authorName: 'Jonas Wendt', status: 'approved' }),
      commentRow(11, {
        parent: 10,
        authorName: 'Mara Selig',
        authorEmail: 'Mara.Selig@Example.net',
        authorUrl: 'https://www.selig.example/blog',
        authorIp: '198.51.100.77',
        date: Date.parse('2026-03-02T09:15:00Z'),
        contentHtml: '<p>Zwei <a href="https://a.example">Links</a> und <a href="https://b.example">noch einer</a></p>',
      }),
      commentRow(12, {
        authorName: 'Nadine Feld',
        authorEmail: 'nadinefeld@twitter.com',
        authorUrl: 'https://twitter.com/NadineFeld/status/1700000000120',
        contentHtml: '<p>RT @KatrinHellwig: Remote-Onboarding</p>',
      }),
    ]);
    await db.reputation.bulkPut([
      { siteId, key: 'email:mara.selig@example.net', approved: 3, spam: 1, trashed: 0, updatedAt: 0 },
      { siteId, key: 'ip:198.51.100.77', approved: 0, spam: 4, trashed: 0, updatedAt: 0 },
    ]);
    render(<App db={db} tabId={null} />);
    const mara = await rowOf(11);
    await waitFor(() =>
      expect(mara.querySelector('.reputation')?.textContent).toBe('3 approved · 1 spam here before · IP: 4 spam'),
    );
    expect(mara.querySelector('.author-details')?.textContent).toBe(
      'Mara.Selig@Example.net · https://www.selig.example/blog · 198.51.100.77',
    );
    expect(mara.querySelector('.post-title')?.textContent).toBe('Remote-Onboarding');
    await waitFor(() =>
      expect(mara.querySelector('.in-reply-to')?.textContent).toBe(' · in reply to \u2068Jonas Wendt\u2069'),
    );
    expect(mara.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-02T09:15:00.000Z');
    expect(mara.querySelector('time')?.textContent).toMatch(/Mar 2, 2026/);
    expect(mara.querySelector('.tag.links')?.textContent).toBe('2 links');
    const nadine = await rowOf(12);
    expect(nadine.querySelector('.tag.tweet')?.textContent).toBe('Tweet');
    expect(nadine.querySelector('.reputation')).toBeNull();
  });

  it('an author sees no email or IP, and no buttons on comments to posts of others', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite({ mode: 'author', userId: 3 }));
    await db.posts.bulkPut([
      { siteId, id: 4, title: 'Mein Artikel', link: 'https://blog.example/m/', author: 3 },
      { siteId, id: 5, title: 'Fremder Artikel', link: 'https://blog.example/f/', author: 9 },
    ]);
    await db.comments.bulkPut([
      commentRow(1, { post: 4, authorEmail: null, authorIp: null }),
      commentRow(2, { post: 5, authorEmail: null, authorIp: null }),
    ]);
    render(<App db={db} tabId={null} />);
    const mine = await rowOf(1);
    const others = await rowOf(2);
    expect(mine.querySelector('.author-details')).toBeNull();
    // The focused row carries the buttons.
    fireEvent.click(mine);
    await waitFor(() => expect(within(mine).getByRole('button', { name: 'Approve' })).toBeTruthy());
    fireEvent.click(others);
    await waitFor(() => expect(within(others).getByRole('button', { name: 'Reply' })).toBeTruthy());
    expect(within(others).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(others).queryByRole('button', { name: 'Spam' })).toBeNull();
    // The keys follow the same rule: nothing is sent for the other author's post.
    fireEvent.keyDown(others, { key: 'a' });
    await waitFor(() =>
      expect(document.querySelector('[role="status"][aria-live]')?.textContent?.trim()).toBe(
        'Nothing to do for this comment',
      ),
    );
    expect(harness.requestsOf('decide')).toHaveLength(0);
  });

  it('a waiting reply shows its countdown and an undo that cancels it', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.put(commentRow(1));
    const id = await db.outbox.add(outboxRow({ decision: 'reply', content: 'Danke!' }));
    render(<App db={db} tabId={null} />);
    const row = await rowOf(1);
    await waitFor(() =>
      expect(row.querySelector('.outbox-state')?.textContent).toMatch(/^Reply: sending in [45] sUndo$/),
    );
    fireEvent.click(within(row).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.outbox.get(id)).toBeUndefined());
    expect(harness.requestsOf('undo')).toEqual([{ type: 'undo', outboxId: id }]);
    await waitFor(() => expect(row.querySelector('.outbox-state')).toBeNull());
  });

  it('a failed reply stays visible with the error; retry sends it again, dismiss keeps its text as a draft', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.put(commentRow(1));
    const error = { kind: 'forbidden', code: 'rest_cannot_create', message: 'Sorry, you are not allowed to reply.' };
    const id = await db.outbox.add(
      outboxRow({ decision: 'reply', content: 'Danke für den Hinweis', state: 'failed', error }),
    );
    render(<App db={db} tabId={null} />);
    const row = await rowOf(1);
    await waitFor(() =>
      expect(row.querySelector('.outbox-state.failed')?.textContent).toContain(
        'Reply failed: Sorry, you are not allowed to reply.',
      ),
    );
    expect(document.querySelector('.pending-decisions')?.textContent).toContain('1 failed');
    fireEvent.click(within(row).getByRole('button', { name: 'Retry' }));
    await waitFor(async () => expect((await db.outbox.get(id))?.state).toBe('waiting'));
    expect(harness.requestsOf('retry')).toEqual([{ type: 'retry', outboxId: id }]);
    await db.outbox.update(id, { state: 'failed', error });
    fireEvent.click(await waitFor(() => within(row).getByRole('button', { name: 'Dismiss' })));
    await waitFor(async () => expect(await db.outbox.get(id)).toBeUndefined());
    expect(await db.drafts.get([siteId, 1, 'reply'])).toMatchObject({ content: 'Danke für den Hinweis' });
    // The draft opens the reply box again, with the text.
    await waitFor(() => expect(row.querySelector('textarea')?.value).toBe('Danke für den Hinweis'));
  });

  it('decisions waiting when the popup opens are listed with their undo (undo survives closing the popup)', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.put(commentRow(1, { status: 'spam' }));
    const id = await db.outbox.add(
      outboxRow({ decision: 'spam', snapshot: commentRow(1, { authorName: 'Gerd Unbekannt' }) }),
    );
    render(<App db={db} tabId={null} />);
    const tray = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.pending-decisions');
      if (!found) throw new Error('no tray');
      return found;
    });
    expect(tray.textContent).toBe('1 not sent yet');
    fireEvent.click(within(tray).getByRole('button', { name: '1 not sent yet' }));
    expect(tray.textContent).toContain('Gerd Unbekannt:');
    fireEvent.click(within(tray).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.comments.get([siteId, 1]))?.status).toBe('hold'));
    expect(await db.outbox.get(id)).toBeUndefined();
    await rowOf(1);
  });

  it('a decision the site’s firewall holds up is listed open with what to allow, and the site line offers a retry', async () => {
    const { db } = harness.ctx;
    const message =
      "Freigabe's requests to /wp-json/ are answered by Cloudflare with a browser challenge (“Just a moment…”) that an extension cannot pass.";
    await db.sites.put(testSite({ status: 'blocked', statusMessage: message }));
    await db.comments.put(commentRow(1, { status: 'approved' }));
    await db.outbox.add(
      outboxRow({
        snapshot: commentRow(1, { authorName: 'Gerd Unbekannt' }),
        attempts: 1,
        error: { kind: 'blocked', code: 'firewall_challenge', message },
      }),
    );
    render(<App db={db} tabId={null} />);
    const tray = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.pending-decisions');
      if (!found) throw new Error('no tray');
      return found;
    });
    await waitFor(() =>
      expect(tray.textContent).toContain(
        "Gerd Unbekannt: Approval waits until the site's firewall lets Freigabe through",
      ),
    );
    expect(within(tray).getByRole('button', { name: 'Undo' })).toBeTruthy();
    const site = document.querySelector<HTMLElement>('.sites .site');
    expect(site?.textContent).toContain('blocked by a firewall');
    expect(site?.textContent).toContain(message);
    fireEvent.click(within(site as HTMLElement).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(harness.requestsOf('syncNow')).toEqual([{ type: 'syncNow', siteId }]));
  });
});
