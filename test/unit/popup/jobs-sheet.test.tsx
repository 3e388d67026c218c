// @vitest-environment jsdom
/**
 * The job sheet in the popup, through the real router and message validation, with a stand-in for
 * the background's engine behind the same messages (test/support/fake-job-engine.ts): the server's
 * count and first rows before anything happens (untrusted HTML through the sanitizer), the actions
 * the status offers, delete asked first with the count, the Akismet note with trash one click away,
 * Empty spam/trash, the extra filters, and what the user is told when something fails.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplyError } from '../../../src/background/reply-error.ts';
import { App } from '../../../src/popup/App.tsx';
import { previewDelayMs } from '../../../src/popup/jobs/JobSheet.tsx';
import type { SiteRow } from '../../../src/shared/db/index.ts';
import type { JobPreview } from '../../../src/shared/messages.ts';
import { type FakeJobEngine, fakeJobEngine } from '../../support/fake-job-engine.ts';
import { commentRow, type PopupHarness, popupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

let harness: PopupHarness;
let engine: FakeJobEngine;

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 120));
  await harness.ctx.db.delete();
});

const previewOf = (total: number, route: JobPreview['route'] = 'rest'): JobPreview => ({
  total,
  route,
  first: [
    {
      id: 901,
      post: 4,
      postTitle: 'Nachtzug &amp; Fernweh',
      authorName: 'Casino Royal',
      date: Date.parse('2026-12-01T10:00:00Z'),
      contentHtml:
        '<p>Gewinne jetzt <img src="x" onerror="alert(1)"><script>alert(2)</script><a href="https://casino.example">hier</a></p>',
      status: 'hold',
    },
    {
      id: 900,
      post: 4,
      postTitle: null,
      authorName: '',
      date: Date.parse('2026-12-01T09:00:00Z'),
      contentHtml: '<p>Noch ein Gewinn</p>',
      status: 'hold',
    },
  ],
});

async function open(
  options: { preview?: JobPreview | ReplyError; sites?: SiteRow[]; real?: boolean; comments?: number } = {},
) {
  let db: PopupHarness['ctx']['db'] | null = null;
  engine = fakeJobEngine(() => db as PopupHarness['ctx']['db']);
  engine.preview = options.preview ?? previewOf(12_408);
  harness = await popupHarness({ handlers: options.real ? {} : engine.handlers });
  db = harness.ctx.db;
  await db.sites.bulkPut(options.sites ?? [testSite()]);
  await db.comments.bulkPut(
    Array.from({ length: options.comments ?? 3 }, (_, i) => commentRow(i + 1, { status: 'hold' })),
  );
  render(<App db={db} tabId={null} />);
  await waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
}

const press = (key: string, shiftKey = false) => fireEvent.keyDown(document.body, { key, shiftKey });
const sheet = () => screen.getByRole('dialog');
const showView = (view: string) =>
  fireEvent.click(document.querySelector(`[role="tab"][data-view="${view}"]`) as HTMLElement);
const actionButtons = () =>
  [...sheet().querySelectorAll<HTMLButtonElement>('[data-job-action]')].map((button) => button.dataset.jobAction);
const clickAction = (action: string) =>
  fireEvent.click(sheet().querySelector(`[data-job-action="${action}"]`) as HTMLButtonElement);
const announced = () => document.querySelector('[role="status"][aria-live]')?.textContent?.trim();

// Many renders and message round trips per test on a busy machine: time for them, not a verdict.
describe('the job sheet', { timeout: 30_000 }, () => {
  it('b shows the server’s count and newest rows before anything happens, then starts the job asked for', async () => {
    await open();
    press('b');
    await waitFor(() => expect(sheet().getAttribute('aria-label')).toBe('Everything matching on the server'));
    await waitFor(() =>
      expect(sheet().querySelector('.job-count')?.textContent).toBe('12,408 comments match on Freigabe Demo'),
    );
    expect(harness.requestsOf('previewJob')).toEqual([
      { type: 'previewJob', siteId, filter: { status: 'hold', type: 'all' } },
    ]);
    // Nothing happened yet: no job, no decision.
    expect(harness.requestsOf('startJob')).toEqual([]);
    expect(await harness.ctx.db.jobs.count()).toBe(0);
    expect([...sheet().querySelectorAll('.job-filter-parts li')].map((part) => part.textContent)).toEqual([
      'Pending',
      'Comments, pingbacks and trackbacks',
    ]);

    // The first rows, through the sanitizer: the text and link stay, nothing runs or loads.
    const rows = within(sheet()).getByRole('list', { name: 'The newest of them' });
    const [first, second] = rows.querySelectorAll('li');
    expect(first?.querySelector('.author')?.textContent).toContain('Casino Royal');
    expect(first?.querySelector('.post-title')?.textContent).toBe('Nachtzug & Fernweh');
    // The link's real target is shown next to it, as in the queue.
    expect(first?.querySelector('.content')?.textContent).toBe('Gewinne jetzt hier (casino.example)');
    expect(first?.querySelector('.content a')?.getAttribute('href')).toBe('https://casino.example/');
    expect(rows.querySelector('img, script, [onerror]')).toBeNull();
    expect(second?.querySelector('.author')?.textContent).toContain('Anonymous');
    expect(sheet().textContent).toContain('… and 12,406 more');
    expect(sheet().textContent).toContain('One request per comment.');

    // What a pending comment offers (moderation.ts), nothing more.
    expect(actionButtons()).toEqual(['approve', 'spam', 'trash']);
    clickAction('approve');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(harness.requestsOf('startJob')).toEqual([
      { type: 'startJob', siteId, filter: { status: 'hold', type: 'all' }, action: 'approve', expectedTotal: 12_408 },
    ]);
    // The job lives on in the table: the strip shows it, a screen reader hears it started.
    await waitFor(() =>
      expect(document.querySelector('.jobs .job-heading')?.textContent).toBe(
        'Approve: 12,408 comments on Freigabe Demo',
      ),
    );
    await waitFor(() => expect(announced()).toBe('Job started. Approve: 12,408 comments on Freigabe Demo'));
  });

  it('asks before deleting permanently, with the count; Cancel goes back without starting anything', async () => {
    await open();
    showView('trash');
    press('b');
    await waitFor(() => expect(actionButtons()).toEqual(['untrash', 'spam', 'delete']));
    await waitFor(() =>
      expect(sheet().querySelector<HTMLButtonElement>('[data-job-action="delete"]')?.disabled).toBe(false),
    );
    clickAction('delete');
    expect(sheet().querySelector('.job-question')?.textContent).toBe(
      'Delete 12,408 comments permanently? This cannot be undone.',
    );
    // Cancel has the focus: Enter by habit deletes nothing.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(document.activeElement as HTMLElement);
    expect(actionButtons()).toEqual(['untrash', 'spam', 'delete']);
    expect(harness.requestsOf('startJob')).toEqual([]);

    clickAction('delete');
    fireEvent.click(within(sheet()).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() => expect(harness.requestsOf('startJob')).toHaveLength(1));
    expect(harness.requestsOf('startJob')[0]).toMatchObject({
      action: 'delete',
      filter: { status: 'trash' },
      expectedTotal: 12_408,
    });
  });

  it('spamming a flood says what Akismet will do and offers trash instead, one click', async () => {
    await open({ preview: previewOf(2_000) });
    press('b');
    await waitFor(() =>
      expect(sheet().querySelector<HTMLButtonElement>('[data-job-action="spam"]')?.disabled).toBe(false),
    );
    clickAction('spam');
    const note = sheet().querySelector('[data-step="akismet"] .job-question')?.textContent;
    expect(note).toContain('Marking 2,000 comments as spam makes WordPress report each one to Akismet');
    expect(document.activeElement?.textContent).toBe('Trash instead');
    fireEvent.click(document.activeElement as HTMLElement);
    await waitFor(() => expect(harness.requestsOf('startJob')).toHaveLength(1));
    expect(harness.requestsOf('startJob')[0]).toMatchObject({ action: 'trash', expectedTotal: 2_000 });
  });

  it('a few spam need no note; Spam anyway is there for a flood', async () => {
    await open({ preview: previewOf(40) });
    press('b');
    await waitFor(() =>
      expect(sheet().querySelector<HTMLButtonElement>('[data-job-action="spam"]')?.disabled).toBe(false),
    );
    clickAction('spam');
    await waitFor(() => expect(harness.requestsOf('startJob')[0]).toMatchObject({ action: 'spam', expectedTotal: 40 }));
  });

  it('Empty spam: asked first with the server’s count, a job that deletes them all', async () => {
    await open({ preview: previewOf(12_408) });
    showView('spam');
    fireEvent.click(screen.getByRole('button', { name: 'Empty spam' }));
    await waitFor(() => expect(sheet().getAttribute('aria-label')).toBe('Empty spam'));
    await waitFor(() =>
      expect(sheet().querySelector('.job-count')?.textContent).toBe('12,408 comments match on Freigabe Demo'),
    );
    expect(harness.requestsOf('previewJob').at(-1)?.filter).toEqual({ status: 'spam', type: 'all' });
    // No narrowing in wp-admin's Empty Spam either, and only delete.
    expect(sheet().querySelector('.job-extra')).toBeNull();
    expect(actionButtons()).toEqual(['delete']);
    clickAction('delete');
    expect(sheet().querySelector('.job-question')?.textContent).toBe(
      'Delete 12,408 comments permanently? This cannot be undone.',
    );
    fireEvent.click(within(sheet()).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() =>
      expect(harness.requestsOf('startJob')).toEqual([
        { type: 'startJob', siteId, filter: { status: 'spam', type: 'all' }, action: 'delete', expectedTotal: 12_408 },
      ]),
    );
  });

  it('Empty trash is in Trash, not in Pending', async () => {
    await open({ preview: previewOf(3) });
    expect(screen.queryByRole('button', { name: /Empty/ })).toBeNull();
    showView('trash');
    fireEvent.click(screen.getByRole('button', { name: 'Empty trash' }));
    await waitFor(() =>
      expect(harness.requestsOf('previewJob').at(-1)?.filter).toEqual({ status: 'trash', type: 'all' }),
    );
  });

  it('reachable from the selection bar once all are selected (Shift+x)', async () => {
    await open();
    press('x', true);
    const button = await screen.findByRole('button', { name: /All matching on the server/ });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('b');
    fireEvent.click(button);
    await waitFor(() => expect(sheet().getAttribute('aria-label')).toBe('Everything matching on the server'));
  });

  it('narrowing by author email and dates asks the server again once the user pauses; a bad email is named, not sent', async () => {
    await open();
    press('b');
    await waitFor(() => expect(harness.requestsOf('previewJob')).toHaveLength(1));
    const email = sheet().querySelector<HTMLInputElement>('input[name="job-author-email"]') as HTMLInputElement;
    fireEvent.input(email, { target: { value: 'bot' } });
    expect(sheet().querySelector('[role="alert"]')?.textContent).toBe(
      'Enter a whole email address (name@example.org).',
    );
    expect(actionButtons().length).toBe(3);
    expect([...sheet().querySelectorAll<HTMLButtonElement>('[data-job-action]')].every((b) => b.disabled)).toBe(true);
    engine.preview = previewOf(3);
    fireEvent.input(email, { target: { value: 'bot@spam.example' } });
    fireEvent.input(sheet().querySelector('input[name="job-from"]') as HTMLInputElement, {
      target: { value: '2026-11-01' },
    });
    fireEvent.input(sheet().querySelector('input[name="job-to"]') as HTMLInputElement, {
      target: { value: '2026-11-30' },
    });
    await new Promise((resolve) => setTimeout(resolve, previewDelayMs / 2));
    expect(harness.requestsOf('previewJob')).toHaveLength(1);
    await waitFor(() => expect(harness.requestsOf('previewJob')).toHaveLength(2));
    expect(harness.requestsOf('previewJob')[1]?.filter).toEqual({
      status: 'hold',
      type: 'all',
      authorEmail: 'bot@spam.example',
      after: '2026-11-01T00:00:00Z',
      before: '2026-12-01T00:00:00Z',
    });
    await waitFor(() =>
      expect(sheet().querySelector('.job-count')?.textContent).toBe('3 comments match on Freigabe Demo'),
    );
  });

  it('with several sites, the user picks the site; the count follows', async () => {
    const other = testSite({ id: 'https://zwei.example/wp-json/', name: 'Zweiter Blog' });
    await open({ sites: [testSite(), other] });
    press('b');
    await waitFor(() => expect(harness.requestsOf('previewJob')).toHaveLength(1));
    const picker = within(sheet()).getByRole('combobox', { name: 'Site' });
    fireEvent.change(picker, { target: { value: other.id } });
    await waitFor(() => expect(harness.requestsOf('previewJob').at(-1)?.siteId).toBe(other.id));
    await waitFor(() =>
      expect(sheet().querySelector('.job-count')?.textContent).toBe('12,408 comments match on Zweiter Blog'),
    );
  });

  it('the real background, WordPress out of reach: its answer in plain words, no action offered, Retry asks again', async () => {
    await open({ real: true });
    press('b');
    await waitFor(() =>
      expect(sheet().querySelector('.job-problem')?.textContent).toBe(
        'Could not reach WordPress (no network in unit tests).',
      ),
    );
    expect([...sheet().querySelectorAll<HTMLButtonElement>('[data-job-action]')].every((b) => b.disabled)).toBe(true);
    fireEvent.click(within(sheet()).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(harness.requestsOf('previewJob')).toHaveLength(2));
  });

  it('a refusal names the cause; a failed start keeps the sheet open and says why', async () => {
    await open({ preview: new ReplyError('rest_forbidden', 'Sorry, you are not allowed to edit comments.') });
    press('b');
    await waitFor(() =>
      expect(sheet().querySelector('.job-problem')?.textContent).toBe(
        'Freigabe Demo does not let this account do that: Sorry, you are not allowed to edit comments.',
      ),
    );
    engine.preview = previewOf(5);
    engine.refuseStart = new ReplyError('retryable', 'Failed to fetch');
    fireEvent.click(within(sheet()).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(sheet().querySelector('.job-count')?.textContent).toBe('5 comments match on Freigabe Demo'),
    );
    clickAction('trash');
    await waitFor(() =>
      expect(sheet().querySelector('.job-problem')?.textContent).toBe(
        'Not started: Freigabe Demo is not reachable (offline?). Try again when it answers.',
      ),
    );
    expect(await harness.ctx.db.jobs.count()).toBe(0);
    engine.refuseStart = null;
    clickAction('trash');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await harness.ctx.db.jobs.count()).toBe(1);
  });

  it('Escape closes it; the queue’s keys are off while it is open', async () => {
    await open();
    press('b');
    await waitFor(() => expect(harness.requestsOf('previewJob')).toHaveLength(1));
    // The focus is inside, on Cancel (the actions wait for the count): Escape from there closes it.
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(sheet().contains(document.activeElement)).toBe(true);
    press('a');
    expect(harness.requestsOf('decide')).toEqual([]);
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('a cluster row offers all like it on the server, its shared phrase as the search', async () => {
    await open({ comments: 0 });
    const storm = 'Die Bahn streicht den Nachtzug nach Wien';
    await harness.ctx.db.comments.bulkPut([
      commentRow(31, { contentRaw: `RT @anna: ${storm} #bahn`, contentHtml: `<p>RT @anna: ${storm} #bahn</p>` }),
      commentRow(32, { contentRaw: `${storm} – via @bert`, contentHtml: `<p>${storm} – via @bert</p>` }),
      commentRow(33, { contentRaw: `RT @cem: ${storm}`, contentHtml: `<p>RT @cem: ${storm}</p>` }),
    ]);
    await waitFor(() => expect(document.querySelector('.queue [role="row"].cluster')).not.toBeNull());
    fireEvent.click(document.querySelector('.queue [role="row"].cluster') as HTMLElement);
    const button = await screen.findByRole('button', { name: 'All like this on the server…' });
    fireEvent.click(button);
    await waitFor(() => expect(sheet().getAttribute('aria-label')).toBe('All like this on the server'));
    await waitFor(() =>
      expect(harness.requestsOf('previewJob')[0]?.filter).toEqual({
        status: 'hold',
        type: 'all',
        post: 4,
        search: storm,
      }),
    );
    expect(sheet().textContent).toContain(`Search: “${storm}”`);
  });

  it('the help lists b', async () => {
    await open();
    press('?');
    await waitFor(() => expect(sheet().textContent).toContain('bEverything matching on the server, as a job'));
  });

  it('on an author-only site the sheet says why no job can run; Empty spam is not offered', async () => {
    await open({ sites: [testSite({ mode: 'author', userId: 3 })] });
    press('b');
    await waitFor(() =>
      expect(sheet().querySelector('.job-problem')?.textContent).toBe(
        'Jobs over everything matching need an Editor or Administrator account on the site: WordPress refuses most of them to authors.',
      ),
    );
    expect(harness.requestsOf('previewJob')).toEqual([]);
    expect(document.activeElement?.textContent).toBe('Close');
    fireEvent.click(document.activeElement as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    showView('spam');
    expect(screen.queryByRole('button', { name: 'Empty spam' })).toBeNull();
  });

  it('a cluster without a shared phrase: the sheet says so', async () => {
    await open({ comments: 0 });
    await harness.ctx.db.comments.bulkPut(
      [41, 42, 43].map((id) => commentRow(id, { contentRaw: 'Danke!', contentHtml: '<p>Danke!</p>' })),
    );
    await waitFor(() => expect(document.querySelector('.queue [role="row"].cluster')).not.toBeNull());
    fireEvent.click(document.querySelector('.queue [role="row"].cluster') as HTMLElement);
    fireEvent.click(await screen.findByRole('button', { name: 'All like this on the server…' }));
    await waitFor(() =>
      expect(sheet().querySelector('.job-problem')?.textContent).toBe(
        'These comments share no phrase or link host WordPress could search for.',
      ),
    );
    expect(harness.requestsOf('previewJob')).toEqual([]);
  });
});
