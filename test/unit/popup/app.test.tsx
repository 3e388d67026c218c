// @vitest-environment jsdom
/**
 * The popup reads the cache only: it shows the right empty state, and lists pending comments with
 * their post, as plain text whatever HTML the comment carries.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import type { CommentRow } from '../../../src/shared/db/index.ts';
import { FreigabeDb } from '../../../src/shared/db/index.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { testSite, testSiteId } from '../../support/rows.ts';

const siteId = testSiteId;
const site = testSite({ lastSyncAt: Date.parse('2026-11-29T08:00:00Z'), pendingTotal: 2 });
const comment = (id: number, contentHtml: string, type = 'comment'): CommentRow => ({
  siteId,
  id,
  post: 4,
  parent: 0,
  authorName: `Leserin ${id}`,
  authorUrl: '',
  authorEmail: null,
  authorIp: null,
  authorUserAgent: null,
  date: Date.parse('2026-11-29T07:00:00Z') + id,
  contentHtml,
  contentRaw: null,
  link: `https://blog.example/p/#comment-${id}`,
  status: 'hold',
  type,
  syncedAt: 0,
});

let db: FreigabeDb;
beforeEach(() => {
  resetFakeBrowser();
  db = new FreigabeDb(`popup-${Math.random()}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('popup', () => {
  it('says how to start when no site is connected', async () => {
    render(<App db={db} tabId={null} />);
    expect(await screen.findByText(/No site connected yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect a site' })).toBeTruthy();
  });

  it('says inbox zero when a site is connected and nothing waits', async () => {
    await db.sites.put(site);
    render(<App db={db} tabId={null} />);
    expect(await screen.findByText(/Inbox zero/)).toBeTruthy();
  });

  it('lists pending comments as plain text with their post, newest first', async () => {
    await db.sites.put(site);
    await db.posts.put({
      siteId,
      id: 4,
      title: 'Mehr als PR &#8211; ein Pl&auml;doyer',
      link: 'https://blog.example/p/',
      author: 3,
    });
    await db.comments.bulkPut([
      comment(1, '<p>Erster <a href="https://x.example" onclick="alert(1)">Link</a></p><script>alert(2)</script>'),
      comment(2, '<p>Zweiter</p>', 'pingback'),
    ]);
    render(<App db={db} tabId={null} />);
    const items = await screen.findAllByRole('listitem', { name: undefined });
    const queue = items.filter((item) => item.classList.contains('item'));
    expect(queue).toHaveLength(2);
    expect(queue[0]?.textContent).toContain('Leserin 2');
    expect(queue[0]?.textContent).toContain('Pingback');
    expect(queue[1]?.querySelector('.excerpt')?.textContent).toBe('Erster Link');
    expect(queue[1]?.querySelector('a, script')).toBeNull();
    expect(queue[1]?.querySelector('.post-title')?.textContent).toBe('Mehr als PR – ein Plädoyer');
    expect(screen.getByText('Freigabe Demo')).toBeTruthy();
  });

  it('shows a status line per site, and which site each comment is from when there are several', async () => {
    await db.sites.bulkPut([
      site,
      testSite({
        id: 'https://shop.example/wp-json/',
        name: 'Shop-Blog',
        status: 'needs-login',
        statusMessage: 'Please log in again.',
      }),
    ]);
    await db.comments.put(comment(1, '<p>Hallo</p>'));
    render(<App db={db} tabId={null} />);
    await screen.findByText('Hallo');
    const lines = [...document.querySelectorAll('.sites .site')].map((line) => line.textContent);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('connected');
    expect(lines[1]).toContain('needs login');
    expect(lines[1]).toContain('Please log in again.');
    expect(document.querySelector('.queue .site-name')?.textContent).toContain('Freigabe Demo');
  });
});
