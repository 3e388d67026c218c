// @vitest-environment jsdom
/**
 * The view "Unreplied" in the popup: what the background found on WordPress (approved comments with
 * no reply from their post's author), newest first, narrowed to one post author, and a quick reply
 * that goes into the outbox like any reply. A site that could not be asked says why.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { type PopupHarness, popupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const wire = (id: number, post: number, date: string, extra: Record<string, unknown> = {}) => ({
  id,
  post,
  parent: 0,
  author: 0,
  author_name: `Leserin ${id}`,
  author_url: '',
  date_gmt: date,
  content: { rendered: `<p>Frage Nummer ${id}</p>` },
  link: `https://blog.example/p/#comment-${id}`,
  status: 'approved',
  type: 'comment',
  ...extra,
});

/** Three approved comments; the post's author (6) answered 32. Post 4 is Rainer's (5), post 9 Jana's (6). */
function unrepliedWordPress(seen: URL[], { down = false } = {}): typeof fetch {
  return async (input) => {
    const url = new URL(String(input));
    seen.push(url);
    if (down) return new Response('Service Unavailable', { status: 503 });
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), {
        headers: { 'Content-Type': 'application/json', 'X-WP-Total': '1', 'X-WP-TotalPages': '1' },
      });
    const query = url.searchParams;
    if (url.pathname.endsWith('/wp/v2/users'))
      return json([
        { id: 5, name: 'Rainer' },
        { id: 6, name: 'Jana' },
      ]);
    if ([...query.keys()].some((key) => key.startsWith('parent')))
      return json([wire(40, 9, '2026-11-29T12:00:00', { parent: 32, author: 6 })]);
    if (query.get('status') === 'approve') {
      return json([
        wire(33, 9, '2026-11-29T10:00:00'),
        wire(32, 9, '2026-11-28T10:00:00'),
        wire(31, 4, '2026-11-27T10:00:00'),
      ]);
    }
    return json([]);
  };
}

let harness: PopupHarness | null = null;
afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 120));
  await harness?.ctx.db.delete();
});

async function openUnreplied(fetch: typeof globalThis.fetch) {
  harness = await popupHarness({ fetch });
  const { db } = harness.ctx;
  await db.sites.put(testSite({ mode: 'moderator' }));
  await db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  await db.posts.bulkPut([
    { siteId, id: 4, title: 'Remote-Onboarding', link: 'https://blog.example/r/', author: 5 },
    { siteId, id: 9, title: 'Wahlrecht ab 16', link: 'https://blog.example/w/', author: 6 },
  ]);
  render(<App db={db} tabId={null} />);
  const toggle = await waitFor(() => {
    const button = document.querySelector<HTMLButtonElement>('button[data-view="unreplied"]');
    if (!button) throw new Error('no Unreplied yet');
    return button;
  });
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-pressed')).toBe('true');
  return harness;
}

const listed = () =>
  [...document.querySelectorAll('.unreplied-item')].map((item) => Number(item.getAttribute('data-comment-id')));

describe('the view Unreplied', () => {
  it('lists what awaits the post author’s reply, newest first, by post author, with a quick reply', async () => {
    const seen: URL[] = [];
    const { ctx, requestsOf } = await openUnreplied(unrepliedWordPress(seen));
    await waitFor(() => expect(listed()).toEqual([33, 31]));
    expect(document.querySelector('h1')?.textContent).toBe('Unreplied');
    expect(document.querySelector('.unreplied-explain')?.textContent).toContain('14 days');
    // The queue is not shown meanwhile: its keys would act on rows nobody sees.
    expect(document.querySelector('.queue')).toBeNull();

    const select = document.querySelector('select[name="post-author"]') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Any author', 'Jana', 'Rainer']);
    fireEvent.change(select, { target: { value: `${siteId}\n6` } });
    await waitFor(() => expect(listed()).toEqual([33]));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(listed()).toEqual([33, 31]));

    const item = document.querySelector('.unreplied-item[data-comment-id="31"]') as HTMLElement;
    fireEvent.click(item.querySelector('[data-action="unreplied-reply"]') as HTMLElement);
    const box = await waitFor(() => item.querySelector('textarea') ?? fail());
    fireEvent.input(box, { target: { value: 'Danke für die Frage!' } });
    fireEvent.click(item.querySelector('[data-action="send-reply"]') as HTMLElement);
    await waitFor(() => expect(requestsOf('decide')).toHaveLength(1));
    expect(requestsOf('decide')[0]).toMatchObject({
      siteId,
      commentIds: [31],
      decision: 'reply',
      content: 'Danke für die Frage!',
    });
    const row = await waitFor(async () => (await ctx.db.outbox.toArray())[0] ?? fail());
    expect(row).toMatchObject({ commentId: 31, decision: 'reply', content: 'Danke für die Frage!' });
    // Once WordPress has the reply, the comment is no longer unreplied.
    await ctx.db.outbox.update(row.id ?? 0, { state: 'done' });
    await waitFor(() => expect(listed()).toEqual([33]));
  });

  it('a site that cannot be asked says so, with WordPress’s cause and a retry', async () => {
    const seen: URL[] = [];
    await openUnreplied(unrepliedWordPress(seen, { down: true }));
    const alert = await waitFor(() => document.querySelector('.unreplied [role="alert"]') ?? fail());
    expect(alert.textContent).toMatch(/Freigabe Demo.*could not be asked/);
    const before = seen.length;
    fireEvent.click(alert.querySelector('button') as HTMLElement);
    await waitFor(() => expect(seen.length).toBeGreaterThan(before));
  });
});

const fail = (): never => {
  throw new Error('not yet');
};
