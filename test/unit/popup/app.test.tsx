// @vitest-environment jsdom
/**
 * The popup reads the cache only: it shows the right empty state, lists comments with their post,
 * sanitized (nothing executes, links show where they go), a status line per site with a retry, and
 * views with their counts.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
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

describe('popup', () => {
  it('says how to connect when no site is connected', async () => {
    render(<App db={harness.ctx.db} tabId={null} />);
    expect(await screen.findByText(/No site connected yet — open your blog and click/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect a site' })).toBeTruthy();
  });

  it('says inbox zero when a site is connected and nothing waits', async () => {
    await harness.ctx.db.sites.put(testSite());
    render(<App db={harness.ctx.db} tabId={null} />);
    expect(await screen.findByText(/Inbox zero/)).toBeTruthy();
  });

  it('lists pending comments newest first, sanitized, with their post; links show their target', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.posts.put({
      siteId,
      id: 4,
      title: 'Mehr als PR &#8211; ein Pl&auml;doyer',
      link: 'https://blog.example/p/',
      author: 3,
    });
    await db.comments.bulkPut([
      commentRow(1, {
        contentHtml:
          '<p>Erster <a href="https://x.example/ziel" onclick="alert(1)">Link</a><img src="https://tracker.example/p.gif"></p><script>alert(2)</script>',
      }),
      commentRow(2, { type: 'pingback', contentHtml: '<p>Zweiter</p>' }),
    ]);
    render(<App db={db} tabId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [newest, older] = rows();
    expect(newest?.textContent).toContain('Leserin 2');
    expect(newest?.textContent).toContain('Pingback');
    const content = older?.querySelector('.content');
    // The real target shows beside a link whose words do not name it.
    expect(content?.textContent).toBe('Erster Link (x.example/…)');
    expect(content?.querySelector('script, img, [onclick]')).toBeNull();
    expect(content?.querySelector('a')?.getAttribute('href')).toBe('https://x.example/ziel');
    expect(older?.querySelector('.post-title')?.textContent).toBe('Mehr als PR – ein Plädoyer');
    expect(document.querySelector('.queue')?.getAttribute('data-count')).toBe('2');
  });

  it('a link in a comment opens only on a click, in a new tab, never in the popup', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.put(commentRow(1, { contentHtml: '<p><a href="https://x.example/ziel">Link</a></p>' }));
    render(<App db={db} tabId={null} />);
    const link = await waitFor(() => {
      const found = document.querySelector<HTMLAnchorElement>('.content a');
      if (!found) throw new Error('no link yet');
      return found;
    });
    const urls = async () => (await harness.ctx.browser.tabs.query({})).map((tab) => tab.url);
    const before = await urls();
    expect(before).not.toContain('https://x.example/ziel');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await waitFor(async () => expect(await urls()).toEqual([...before, 'https://x.example/ziel']));
  });

  it('shows a status line per site with a retry for errors, and the site of each comment when there are several', async () => {
    const { db } = harness.ctx;
    await db.sites.bulkPut([
      testSite(),
      testSite({
        id: 'https://shop.example/wp-json/',
        name: 'Shop-Blog',
        status: 'error',
        statusMessage: 'WordPress answered 500.',
      }),
    ]);
    await db.comments.put(commentRow(1, { contentHtml: '<p>Hallo</p>' }));
    render(<App db={db} tabId={null} />);
    await screen.findByText('Hallo');
    const lines = [...document.querySelectorAll('.sites .site')].map((line) => line.textContent);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('connected');
    expect(lines[1]).toContain('WordPress answered 500.');
    expect(document.querySelector('.queue .site-name')?.textContent).toContain('Freigabe Demo');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(harness.requestsOf('syncNow')).toEqual([{ type: 'syncNow', siteId: 'https://shop.example/wp-json/' }]),
    );
  });

  it('has views with counts from the cache, and the server counts where they differ', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.bulkPut([
      commentRow(1),
      commentRow(2),
      commentRow(3, { status: 'approved' }),
      commentRow(4, { status: 'spam', contentHtml: '<p>Casino</p>' }),
    ]);
    await db.syncState.put({
      siteId,
      counts: { hold: 2, approved: 40, spam: 1, trash: 0, at: 0 },
      cursor: null,
      contextFetchedAt: {},
    });
    render(<App db={db} tabId={null} />);
    const tab = (view: string) => document.querySelector<HTMLElement>(`[role="tab"][data-view="${view}"]`);
    await waitFor(() => expect(tab('approved')?.textContent).toBe('Approved1 / 40'));
    expect(tab('hold')?.textContent).toBe('Pending2');
    expect(tab('approved')?.title).toBe('1 here, 40 on the server');
    expect(tab('mine')).toBeNull();
    fireEvent.click(tab('spam') as HTMLElement);
    await screen.findByText('Casino');
    expect(rows()).toHaveLength(1);
    expect(tab('spam')?.getAttribute('aria-selected')).toBe('true');
  });

  it('"Mine" shows an author the comments on their own posts', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite({ mode: 'author', userId: 3 }));
    await db.posts.bulkPut([
      { siteId, id: 4, title: 'Mein Artikel', link: 'https://blog.example/mein/', author: 3 },
      { siteId, id: 5, title: 'Fremder Artikel', link: 'https://blog.example/fremd/', author: 9 },
    ]);
    await db.comments.bulkPut([
      commentRow(1, { post: 4, contentHtml: '<p>Zu meinem</p>' }),
      commentRow(2, { post: 5, contentHtml: '<p>Zu fremdem</p>' }),
      commentRow(3, { post: 4, status: 'approved', contentHtml: '<p>Schon sichtbar</p>' }),
    ]);
    render(<App db={db} tabId={null} />);
    const mine = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[role="tab"][data-view="mine"]');
      if (!found?.textContent?.includes('2')) throw new Error('no mine count yet');
      return found;
    });
    fireEvent.click(mine);
    await screen.findByText('Schon sichtbar');
    expect(rows().map((row) => row.querySelector('.content')?.textContent)).toEqual(['Schon sichtbar', 'Zu meinem']);
  });

  it('filters by search (author, email, URL, content), post and type', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.bulkPut([
      commentRow(1, { authorName: 'Mara Selig', contentHtml: '<p>Drei Schleifen</p>' }),
      commentRow(2, { authorEmail: 'jonas@wendt.example', contentHtml: '<p>Budget</p>' }),
      commentRow(3, { authorUrl: 'https://vogt-digital.example', contentHtml: '<p>Ausbildung</p>', post: 9 }),
      commentRow(4, { type: 'pingback', contentHtml: '<p>[…] Plädoyer […]</p>' }),
    ]);
    render(<App db={db} tabId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    const search = screen.getByRole('searchbox', { name: 'Search the comments, here and on the blog' });
    const texts = () => rows().map((row) => row.querySelector('.content')?.textContent);
    for (const [query, expected] of [
      ['mara', ['Drei Schleifen']],
      ['wendt.example', ['Budget']],
      ['vogt-digital', ['Ausbildung']],
      ['plädoyer', ['[…] Plädoyer […]']],
    ] as const) {
      fireEvent.input(search, { target: { value: query } });
      await waitFor(() => expect(texts()).toEqual(expected));
    }
    fireEvent.input(search, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'pings' } });
    await waitFor(() => expect(texts()).toEqual(['[…] Plädoyer […]']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'all' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Post' }), { target: { value: `${siteId}\n9` } });
    await waitFor(() => expect(texts()).toEqual(['Ausbildung']));
  });
});
