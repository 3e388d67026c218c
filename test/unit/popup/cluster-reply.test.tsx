// @vitest-environment jsdom
/**
 * Clusters: the RT storm is one row with its count; one key moderates all of it; it expands to show
 * its members. Quick reply: r opens it, the draft is saved as typed and found again after the popup
 * was closed; approve-and-reply sends both decisions; edit starts from the comment's text.
 */
import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
});

const rows = () => [...document.querySelectorAll<HTMLElement>('.queue [role="row"]')];
const press = (key: string, shiftKey = false) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, shiftKey });
const title = 'Social-Media-Management ist mehr als PR mit Hashtags';

async function stormAndOthers() {
  const { db } = harness.ctx;
  await db.sites.put(testSite());
  await db.comments.bulkPut([
    commentRow(1, { authorName: 'Tobias Reuter', contentHtml: '<p>Bin ich jetzt das eine oder das andere?</p>' }),
    ...['Nadine Feld', 'Markus Lindner', 'Svenja Ott'].map((name, index) =>
      commentRow(20 + index, {
        authorName: name,
        authorUrl: `https://twitter.com/${name.replace(' ', '')}/status/17000000001${index}`,
        contentHtml: `<p>RT @KatrinHellwig: ${title}</p>`,
      }),
    ),
    commentRow(24, { authorName: 'KompetenzWerk', contentHtml: `<p>RT @SocialDACH: ${title}</p>` }),
    commentRow(25, { authorName: 'Claudia Berger', contentHtml: `<p>rt @KatrinHellwig:  ${title.toUpperCase()}!</p>` }),
    // The same words on another post are another discussion: not in the cluster.
    commentRow(30, { post: 9, authorName: 'Anderswo', contentHtml: `<p>RT @KatrinHellwig: ${title}</p>` }),
  ]);
  render(<App db={db} tabId={null} />);
  await waitFor(() => expect(document.querySelector('.cluster')).toBeTruthy());
}

describe('clusters', () => {
  it('show the RT storm as one row with its count, expandable, and s spams all of it at once', async () => {
    await stormAndOthers();
    const cluster = document.querySelector<HTMLElement>('.cluster') as HTMLElement;
    expect(cluster.getAttribute('data-count')).toBe('5');
    expect(cluster.querySelector('.author')?.textContent).toBe('5 alike comments');
    expect(cluster.getAttribute('aria-expanded')).toBe('false');
    expect(rows()).toHaveLength(3);
    expect(document.querySelector('.queue')?.getAttribute('data-count')).toBe('7');
    fireEvent.click(within(cluster).getByRole('button', { name: 'Show the 5 comments' }));
    await waitFor(() => expect(rows()).toHaveLength(8));
    expect(rows().filter((row) => row.getAttribute('aria-level') === '2')).toHaveLength(5);
    expect(rows()[0]?.textContent).toContain('Anderswo');
    expect(rows()[1]).toBe(cluster);
    expect(rows()[2]?.querySelector('.cluster-tag')).toBeNull();
    fireEvent.click(within(cluster).getByRole('button', { name: 'Hide the 5 comments' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(cluster);
    press('s');
    await waitFor(() => expect(harness.requestsOf('decide')).toHaveLength(1));
    const [request] = harness.requestsOf('decide');
    expect(request?.decision).toBe('spam');
    expect([...(request?.commentIds ?? [])].sort()).toEqual([20, 21, 22, 24, 25]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(document.querySelector('.toast')?.textContent).toContain('5 marked as spam'));
    press('z');
    await waitFor(() => expect(document.querySelector('.cluster')?.getAttribute('data-count')).toBe('5'));
  });

  it('Enter expands the focused cluster and ← goes back to it; x on a cluster selects all its members', async () => {
    await stormAndOthers();
    const index = rows().findIndex((row) => row.classList.contains('cluster'));
    for (let i = 0; i < index; i++) press('j');
    await waitFor(() => expect(document.activeElement?.classList.contains('cluster')).toBe(true));
    press('Enter');
    await waitFor(() => expect(rows()).toHaveLength(8));
    press('j');
    press('ArrowLeft');
    await waitFor(() => expect(rows()).toHaveLength(3));
    await waitFor(() => expect(document.activeElement?.classList.contains('cluster')).toBe(true));
    press('x');
    await waitFor(() => expect(document.querySelector('.selection-count')?.textContent).toBe('5 selected'));
  });
});

describe('quick reply', () => {
  it('r opens a reply box; the draft is saved as typed and found again after the popup was closed', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.bulkPut([commentRow(1), commentRow(2)]);
    const view = render(<App db={db} tabId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    press('j');
    press('r');
    const box = await waitFor(() => {
      const found = rows()[1]?.querySelector('textarea');
      if (!found) throw new Error('no reply box');
      return found;
    });
    // (The box is a chunk of its own, loaded the first time one opens: the focus follows it.)
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.input(box, { target: { value: 'Danke für den' } });
    fireEvent.input(box, { target: { value: 'Danke für den Hinweis, Leserin!' } });
    await waitFor(async () =>
      expect((await db.drafts.get([siteId, 1, 'reply']))?.content).toBe('Danke für den Hinweis, Leserin!'),
    );
    // Typing never reaches the shortcuts.
    fireEvent.keyDown(box, { key: 'a' });
    expect(harness.requestsOf('decide')).toHaveLength(0);
    view.unmount();

    render(<App db={db} tabId={null} />);
    const restored = await waitFor(() => {
      const found = document.querySelector<HTMLTextAreaElement>('[data-comment-id="1"] textarea');
      if (!found) throw new Error('no restored draft');
      return found;
    });
    expect(restored.value).toBe('Danke für den Hinweis, Leserin!');
    await waitFor(() =>
      expect(document.querySelector('[data-comment-id="1"]')?.classList.contains('active')).toBe(true),
    );
  });

  it('q opens it with approve-and-reply first; Ctrl+Enter sends both decisions and the draft goes', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.bulkPut([commentRow(1), commentRow(2)]);
    render(<App db={db} tabId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    press('q');
    const box = await waitFor(() => {
      const found = rows()[0]?.querySelector('textarea');
      if (!found) throw new Error('no reply box');
      return found;
    });
    expect(within(rows()[0] as HTMLElement).getByRole('button', { name: 'Approve and reply' }).className).toBe('small');
    fireEvent.input(box, { target: { value: 'Willkommen!' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() =>
      expect(harness.requestsOf('decide')).toEqual([
        { type: 'decide', siteId, commentIds: [2], decision: 'approveAndReply', content: 'Willkommen!' },
      ]),
    );
    await waitFor(() => expect(rows().map((row) => row.dataset.commentId)).toEqual(['1']));
    await waitFor(async () =>
      expect((await db.outbox.toArray()).map((row) => [row.decision, row.content])).toEqual([
        ['approve', null],
        ['reply', 'Willkommen!'],
      ]),
    );
    expect(await db.drafts.count()).toBe(0);
    await waitFor(() =>
      expect(document.querySelector('.toast')?.textContent).toContain('Approved; the reply will be sent'),
    );
  });

  it('e edits starting from the comment text; Esc closes the box and gives the keys back', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.put(commentRow(1, { contentRaw: 'Tippfehler drin' }));
    render(<App db={db} tabId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    press('e');
    const box = await waitFor(() => {
      const found = rows()[0]?.querySelector('textarea');
      if (!found) throw new Error('no edit box');
      return found;
    });
    expect(box.value).toBe('Tippfehler drin');
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(rows()[0]?.querySelector('textarea')).toBeNull());
    press('e');
    const again = await waitFor(() => {
      const found = rows()[0]?.querySelector('textarea');
      if (!found) throw new Error('no edit box');
      return found;
    });
    fireEvent.input(again, { target: { value: 'Kein Tippfehler mehr' } });
    fireEvent.click(within(rows()[0] as HTMLElement).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(harness.requestsOf('decide')).toEqual([
        { type: 'decide', siteId, commentIds: [1], decision: 'edit', content: 'Kein Tippfehler mehr' },
      ]),
    );
    await waitFor(() => expect(rows()[0]?.querySelector('.content')?.textContent).toBe('Kein Tippfehler mehr'));
  });
});
