// @vitest-environment jsdom
/**
 * The search box's server half, through the real background handlers against a fake WordPress: the
 * blog is asked once the user pauses (never for one character), only the latest query's answer is
 * shown, what it finds lands in the list through the cache and can be acted on like any cached
 * comment; the status line says what happened (or what went wrong, with a Retry) and a screen
 * reader hears it.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { searchDelayMs } from '../../../src/popup/search/use-server-search.ts';
import { type FakeComment, fakeWordPress } from '../../support/fake-wordpress.ts';
import { commentRow, type PopupHarness, popupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

let harness: PopupHarness;
/** searches whose answer waits until the test lets it go, by search term */
const held = new Map<string, () => void>();
afterEach(async () => {
  for (const release of held.values()) release();
  held.clear();
  cleanup();
  // Let effects Preact scheduled after the last paint run while the DOM still exists.
  await new Promise((resolve) => setTimeout(resolve, 120));
  await harness.ctx.db.delete();
});

interface Blog {
  comments: FakeComment[];
  /** answers the background gets instead of WordPress's (network down, a login gone, nonsense) */
  override?: (url: URL) => Response | 'offline' | null;
  /** search terms whose answer is held back */
  hold?: string[];
}

async function open(blog: Blog, site = testSite()) {
  const wordpress = fakeWordPress(blog.comments);
  harness = await popupHarness({
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const term = url.searchParams.get('search');
      if (term !== null && blog.hold?.includes(term)) await new Promise<void>((resolve) => held.set(term, resolve));
      const instead = blog.override?.(url) ?? null;
      if (instead === 'offline') throw new TypeError('Failed to fetch');
      return instead ?? wordpress.fetch(input, init);
    },
  });
  await harness.ctx.db.sites.put(site);
  await harness.ctx.db.comments.put(commentRow(1, { contentHtml: '<p>Schon im Cache: Zauberwort</p>' }));
  render(<App db={harness.ctx.db} tabId={null} />);
  await waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
  return wordpress;
}

const searchBox = () => screen.getByRole('searchbox');
const type = (text: string) => fireEvent.input(searchBox(), { target: { value: text } });
const showView = (view: string) =>
  fireEvent.click(document.querySelector(`[role="tab"][data-view="${view}"]`) as HTMLElement);
const statusLine = () => document.querySelector('.server-search')?.textContent ?? null;
const announced = () => document.querySelector('[role="status"][aria-live]')?.textContent?.trim();
const contents = () =>
  [...document.querySelectorAll('.queue [role="row"] .content')].map((content) => content.textContent);
const searches = () => harness.requestsOf('searchServer').map((request) => request.query);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const approved = (id: number, content: string): FakeComment => ({
  id,
  post: 4,
  status: 'approved',
  type: 'comment',
  content,
});

describe('server search in the popup', () => {
  it('asks the blog once the user pauses, for the view on screen, and lists what it found', async () => {
    await open({ comments: [approved(50, 'Ein Zauberwort vom Server')] });
    showView('approved');
    type('Z');
    await sleep(searchDelayMs + 200);
    expect(searches()).toEqual([]);
    expect(statusLine()).toBeNull();
    for (const text of ['Za', 'Zau', 'Zaube', 'Zauberwort']) {
      type(text);
      await sleep(50);
    }
    await sleep(searchDelayMs - 200);
    expect(searches()).toEqual([]);
    await waitFor(() => expect(searches()).toEqual(['Zauberwort']));
    expect(harness.requestsOf('searchServer')[0]).toEqual({
      type: 'searchServer',
      query: 'Zauberwort',
      view: 'approved',
      commentType: 'all',
    });
    await waitFor(() => expect(contents()).toEqual(['Ein Zauberwort vom Server']));
    await waitFor(() => expect(statusLine()).toBe('1 more found on Freigabe Demo'));
    expect(announced()).toBe('1 more found on Freigabe Demo');
    expect((await harness.ctx.db.comments.get([siteId, 50]))?.status).toBe('approved');

    // Found on the server, acted on like any cached comment: u unapproves it.
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'u' });
    await waitFor(() => expect(harness.requestsOf('decide')).toHaveLength(1));
    expect(harness.requestsOf('decide')[0]).toMatchObject({ siteId, commentIds: [50], decision: 'unapprove' });
    await waitFor(async () => expect((await harness.ctx.db.comments.get([siteId, 50]))?.status).toBe('hold'));

    // Another view asks again, for that view; the cached match stays listed.
    showView('hold');
    await waitFor(() => expect(harness.requestsOf('searchServer').at(-1)?.view).toBe('hold'));
    await waitFor(() => expect(statusLine()).toBe('Nothing more found on Freigabe Demo'));
    // The list is the cache's live query, not the search's answer: it follows on its own time.
    await waitFor(() => expect(contents()).toEqual(['Ein Zauberwort vom Server', 'Schon im Cache: Zauberwort']));
  });

  it('shows only the latest query’s answer: an older one arriving late is ignored', async () => {
    await open({
      comments: [approved(60, 'beta eins'), approved(70, 'alpha eins'), approved(71, 'alpha zwei')],
      hold: ['alpha'],
    });
    showView('approved');
    type('alpha');
    await waitFor(() => expect(statusLine()).toBe('Searching the blog…'));
    type('beta');
    await waitFor(() => expect(statusLine()).toBe('1 more found on Freigabe Demo'));
    expect(searches()).toEqual(['alpha', 'beta']);
    held.get('alpha')?.();
    // The older search still lands in the cache (its comments are real), but says nothing.
    await waitFor(async () => expect(await harness.ctx.db.comments.get([siteId, 71])).toBeTruthy());
    await sleep(100);
    expect(statusLine()).toBe('1 more found on Freigabe Demo');
    expect(announced()).toBe('1 more found on Freigabe Demo');
    expect(contents()).toEqual(['beta eins']);
  });

  it.each([
    ['offline', () => 'offline' as const, 'Freigabe Demo could not be searched: offline or not reachable'],
    [
      'needs login',
      () => new Response('{"code":"rest_not_logged_in","message":"You are not currently logged in."}', { status: 401 }),
      'Freigabe Demo could not be searched: please sign in again',
    ],
    [
      'forbidden',
      () =>
        new Response('{"code":"rest_forbidden","message":"Sorry, you are not allowed to do that."}', { status: 403 }),
      'Freigabe Demo does not let you search these comments',
    ],
    [
      'a malformed answer',
      () => new Response('[{"id":50,"post":"vier","status":"approved"}]'),
      'Freigabe Demo sent an answer Freigabe cannot read; nothing was saved',
    ],
  ])(
    'says so in plain words when the blog fails (%s), keeps the cached results and retries',
    async (_name, failure, text) => {
      const network = { down: true };
      await open({
        comments: [approved(50, 'Zauberwort vom Server')],
        override: () => (network.down ? failure() : null),
      });
      showView('hold');
      type('zauberwort');
      await waitFor(() => expect(statusLine()).toBe(`${text}Retry`));
      expect(document.querySelector('.server-search .problem')?.textContent).toBe(text);
      expect(announced()).toBe(text);
      expect(contents()).toEqual(['Schon im Cache: Zauberwort']);
      expect(await harness.ctx.db.comments.count()).toBe(1);

      network.down = false;
      showView('approved');
      await waitFor(() => expect(statusLine()).toBe('1 more found on Freigabe Demo'));
      network.down = true;
      type('Zauberwort');
      await waitFor(() => expect(statusLine()).toBe(`${text}Retry`));
      network.down = false;
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
      // A retry does not wait for a pause.
      await waitFor(() => expect(statusLine()).toBe('Nothing more found on Freigabe Demo'), {
        timeout: searchDelayMs - 100,
      });
    },
  );

  it('tells an author that spam and trash are not searched on the blog, without asking it', async () => {
    const wordpress = await open(
      { comments: [{ id: 80, post: 4, status: 'spam', type: 'comment', content: 'Casino' }] },
      testSite({ mode: 'author', userId: 3 }),
    );
    showView('spam');
    type('casino');
    await waitFor(() =>
      expect(statusLine()).toBe('Freigabe Demo: as an author you cannot search spam or trash on the blog'),
    );
    expect(document.querySelector('[data-action="retry-search"]')).toBeNull();
    expect(wordpress.requests).toEqual([]);
  });

  it('says when WordPress matched more than one page', async () => {
    const many = Array.from({ length: 53 }, (_, i) => approved(100 + i, `Treffer ${i}`));
    await open({ comments: many });
    showView('approved');
    type('Treffer');
    await waitFor(() =>
      expect(statusLine()).toBe('50 more found on Freigabe Demo (showing the first 50 of 53 — refine the search)'),
    );
  });
});
