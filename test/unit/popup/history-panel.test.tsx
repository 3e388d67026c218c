// @vitest-environment jsdom
/**
 * The history panel: one click on a commenter's name opens it; it shows what the background read
 * from WordPress (counts, dates, posts, IPs, websites, the IP search), an author's limits in a line,
 * and a failure with its cause and a retry that asks again. Esc closes it.
 */
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { commentRow, type PopupHarness, popupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const wire = (id: number, post: number, date: string, extra: Record<string, unknown> = {}) => ({
  id,
  post,
  parent: 0,
  author: 0,
  author_name: 'Mara Selig',
  author_url: 'https://selig.example/',
  author_email: 'mara@example.net',
  author_ip: '198.51.100.77',
  date_gmt: date,
  content: { rendered: '<p>x</p>' },
  link: `https://blog.example/p/#comment-${id}`,
  status: 'approved',
  type: 'comment',
  ...extra,
});

/** WordPress as the history asks it: counts by status, the newest page, a search for the IP, post titles. */
function historyWordPress(seen: URL[], { failFirst = false } = {}): typeof fetch {
  let failed = !failFirst;
  return async (input) => {
    const url = new URL(String(input));
    seen.push(url);
    const json = (body: unknown, total = Array.isArray(body) ? body.length : 1) =>
      new Response(JSON.stringify(body), {
        headers: { 'Content-Type': 'application/json', 'X-WP-Total': String(total), 'X-WP-TotalPages': '1' },
      });
    if (!failed) {
      failed = true;
      throw new TypeError('Failed to fetch');
    }
    const query = url.searchParams;
    if (url.pathname.endsWith('/wp/v2/posts'))
      return json([{ id: 9, title: { rendered: 'Wahlrecht &amp; Alter' }, link: 'https://blog.example/w/' }]);
    if (url.pathname.endsWith('/wp/v2/pages')) return json([]);
    if (query.get('search') === '198.51.100.77') return json([{ id: 1 }], 14);
    const totals: Record<string, number> = { approve: 5, hold: 1, spam: 2, trash: 0 };
    const status = query.get('status') ?? '';
    if (query.get('_fields') === 'id') return json([{ id: 1 }], totals[status] ?? 0);
    // The oldest of all, asked for on its own when there is more than one page.
    if (query.get('order') === 'asc') return json([wire(3, 4, '2024-05-06T10:00:00')], 8);
    return json(
      [
        wire(21, 4, '2026-11-20T10:00:00', { status: 'hold' }),
        wire(20, 9, '2026-06-01T10:00:00', { author_ip: '203.0.113.5' }),
        wire(19, 4, '2025-02-03T10:00:00'),
      ],
      8,
    );
  };
}

let harness: PopupHarness | null = null;
afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 120));
  await harness?.ctx.db.delete();
});

async function openHistory(mode: 'moderator' | 'author', fetch: typeof globalThis.fetch) {
  harness = await popupHarness({ fetch });
  const { db } = harness.ctx;
  await db.sites.put(testSite({ mode }));
  await db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  await db.posts.put({ siteId, id: 4, title: 'Remote-Onboarding', link: 'https://blog.example/r/', author: 2 });
  await db.comments.put(
    commentRow(21, {
      authorName: 'Mara Selig',
      authorEmail: mode === 'moderator' ? 'mara@example.net' : null,
      authorIp: mode === 'moderator' ? '198.51.100.77' : null,
    }),
  );
  render(<App db={db} tabId={null} />);
  const name = await waitFor(() => {
    const button = document.querySelector<HTMLButtonElement>('[data-comment-id="21"] button[data-action="history"]');
    if (!button) throw new Error('no name button yet');
    return button;
  });
  expect(name.textContent).toBe('Mara Selig');
  fireEvent.click(name);
  return within(await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"].history-panel') ?? fail()));
}

const fail = (): never => {
  throw new Error('not yet');
};

describe("a commenter's history panel", () => {
  it('a moderator sees every status, the dates, the posts, IPs, websites and the IP search', async () => {
    const seen: URL[] = [];
    const panel = await openHistory('moderator', historyWordPress(seen));
    await panel.findByText('Every comment from mara@example.net, as WordPress counts them.');
    panel.getByText(/First comment .*2024.* · last .*2026/);
    const counts = [...document.querySelectorAll('.history-counts div')].map((cell) => cell.textContent);
    expect(counts).toEqual(['Approved5', 'Pending1', 'Spam2', 'Trash0']);
    const list = (name: string) =>
      [...document.querySelectorAll(`[data-history-list="${name}"] li`)].map((item) => item.textContent);
    expect(list('posts')).toEqual(['Remote-Onboarding (2)', 'Wahlrecht & Alter (1)']);
    expect(list('ips')).toEqual(['198.51.100.77', '203.0.113.5']);
    expect(list('urls')).toEqual(['https://selig.example/']);
    panel.getByText('Posts, IPs and websites of the newest 3 of 8 comments.');
    panel.getByText("WordPress's search finds 14 comments from 198.51.100.77 (any name).");
    // Whom to ask about came from the cache: the address went to WordPress as the comment had it.
    expect(seen.some((url) => url.searchParams.get('author_email') === 'mara@example.net')).toBe(true);
    // Act on all of them: the bulk-job sheet, for the address and the status chosen.
    const offered = [...document.querySelectorAll<HTMLElement>('[data-action="history-job"]')];
    expect(offered.map((button) => button.textContent)).toEqual(['All 1 Pending…', 'All 5 Approved…', 'All 2 Spam…']);
    fireEvent.click(offered[2] as HTMLElement);
    await waitFor(() => expect(document.querySelector('.history-panel')).toBeNull());
    const email = await waitFor(
      () => document.querySelector<HTMLInputElement>('.job-sheet input[name="job-author-email"]') ?? fail(),
    );
    expect(email.value).toBe('mara@example.net');
    await waitFor(() =>
      expect(harness?.requestsOf('previewJob').at(-1)?.filter).toMatchObject({
        status: 'spam',
        authorEmail: 'mara@example.net',
      }),
    );
    fireEvent.keyDown(document.querySelector('.job-sheet') as HTMLElement, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('.job-sheet')).toBeNull());
    fireEvent.click(document.querySelector('[data-comment-id="21"] button[data-action="history"]') as HTMLElement);
    await waitFor(() => expect(document.querySelector('.history-panel')).not.toBeNull());
    // Esc closes it, and the queue's keys work again.
    fireEvent.keyDown(document.querySelector('[role="dialog"]') as HTMLElement, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('.history-panel')).toBeNull());
  });

  it('an author gets what WordPress shows them, and a line that says so', async () => {
    const seen: URL[] = [];
    const panel = await openHistory('author', historyWordPress(seen));
    await panel.findByText(/Only comments under this name on your own posts/);
    const counts = [...document.querySelectorAll('.history-counts dt')].map((cell) => cell.textContent);
    expect(counts).toEqual(['Approved', 'Pending']);
    expect(document.querySelector('[data-history-list="ips"]')).toBeNull();
    // No address, no bulk job: WordPress refuses `author_email` jobs to authors anyway.
    expect(document.querySelector('[data-action="history-job"]')).toBeNull();
    expect(seen.some((url) => url.searchParams.has('author_email'))).toBe(false);
    expect(seen.some((url) => url.searchParams.get('search') === 'Mara Selig')).toBe(true);
  });

  it('a failure names its cause; retry asks again', async () => {
    const panel = await openHistory('moderator', historyWordPress([], { failFirst: true }));
    await panel.findByText(/WordPress could not be asked:/);
    fireEvent.click(panel.getByRole('button', { name: 'Retry' }));
    await panel.findByText('Every comment from mara@example.net, as WordPress counts them.');
  });
});
