// @vitest-environment jsdom
/**
 * The job strip: read live from the jobs table the background writes, so it shows progress (count,
 * rate, time left), why a job waits and what to do, pause/resume/cancel, the final report grouped
 * by WordPress's reasons and Undo where possible; it survives closing the popup, a progress write
 * redraws the strip and not the queue, and a finish is announced.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyError } from '../../../src/background/reply-error.ts';
import { App } from '../../../src/popup/App.tsx';
import type { JobRow } from '../../../src/shared/db/index.ts';
import { fakeBrowser } from '../../support/fake-browser.ts';
import { type FakeJobEngine, fakeJobEngine, jobRowOf } from '../../support/fake-job-engine.ts';
import { commentRow, type PopupHarness, popupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

let harness: PopupHarness;
let engine: FakeJobEngine;

afterEach(async () => {
  cleanup();
  localStorage.clear();
  await new Promise((resolve) => setTimeout(resolve, 120));
  await harness.ctx.db.delete();
});

const running = (overrides: Partial<JobRow> = {}) =>
  jobRowOf({
    siteId,
    filter: { status: 'spam', type: 'all', search: 'casino' },
    action: 'trash',
    progress: { total: 1000, done: 270, skipped: 20, failed: 10, activeMs: 60_000 },
    ...overrides,
  });

async function open(jobs: JobRow[] = []) {
  let db: PopupHarness['ctx']['db'] | null = null;
  engine = fakeJobEngine(() => db as PopupHarness['ctx']['db']);
  harness = await popupHarness({ handlers: engine.handlers });
  db = harness.ctx.db;
  await db.sites.put(testSite());
  await db.comments.bulkPut([commentRow(1), commentRow(2)]);
  const ids = await db.jobs.bulkAdd(jobs, { allKeys: true });
  render(<App db={db} tabId={null} />);
  await waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
  return ids as number[];
}

const card = (id: number) => document.querySelector<HTMLElement>(`.jobs [data-job-id="${id}"]`);
const text = (id: number, selector: string) => card(id)?.querySelector(selector)?.textContent ?? null;
const controls = (id: number) =>
  [...(card(id)?.querySelectorAll<HTMLElement>('[data-job-control]') ?? [])].map((b) => b.dataset.jobControl);
const announced = () => document.querySelector('[role="status"][aria-live]')?.textContent?.trim();

describe('the job strip', { timeout: 30_000 }, () => {
  it('shows a running job’s progress, rate and time left; pause and resume go to the background', async () => {
    const [id = 0] = await open([running()]);
    await waitFor(() => expect(card(id)).not.toBeNull());
    expect(text(id, '.job-heading')).toBe('Trash: 1,000 comments on Freigabe Demo');
    expect(text(id, '.job-filter-line')).toBe('Spam · Comments, pingbacks and trackbacks · Search: “casino”');
    // 300 handled in a minute: 300 per minute, 700 left.
    expect(text(id, '.job-progress')).toBe('300 of 1,000 · 300 per minute · about 2 minutes left');
    expect(card(id)?.querySelector('progress')?.getAttribute('value')).toBe('300');
    expect(card(id)?.querySelector('progress')?.getAttribute('aria-valuetext')).toBe('300 of 1,000');
    expect(controls(id)).toEqual(['pause', 'cancel']);

    fireEvent.click(within(card(id) as HTMLElement).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(text(id, '.job-state')).toBe('Paused'));
    expect(harness.requestsOf('controlJob')).toEqual([{ type: 'controlJob', jobId: id, command: 'pause' }]);
    // No rate while it is not moving.
    expect(text(id, '.job-progress')).toBe('300 of 1,000');
    expect(controls(id)).toEqual(['resume', 'cancel']);
    fireEvent.click(within(card(id) as HTMLElement).getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(controls(id)).toEqual(['pause', 'cancel']));
    fireEvent.click(within(card(id) as HTMLElement).getByRole('button', { name: 'Cancel job' }));
    await waitFor(() => expect(text(id, '.job-state')).toBe('Cancelled: what was done stays done'));
    expect(harness.requestsOf('controlJob').map((request) => request.command)).toEqual(['pause', 'resume', 'cancel']);
    await waitFor(() => expect(announced()).toBe('Job cancelled: 270 done.'));
  });

  it.each([
    ['offline', null, 'Waiting: Freigabe Demo is not reachable. The job goes on by itself when the site answers.'],
    [
      'backoff',
      Date.parse('2030-01-01T10:15:00Z'),
      'Waiting after errors from Freigabe Demo; it tries again by itself. Next try at',
    ],
    ['rate-limited', null, 'Freigabe Demo asked Freigabe to slow down (rate limit); the job goes on by itself.'],
    [
      'blocked',
      null,
      "A firewall in front of Freigabe Demo blocks the requests: let Freigabe's requests to the REST API (/wp-json/) through; the job goes on then.",
    ],
  ] as const)('says why a job waits (%s) and what happens next', async (reason, until, words) => {
    const [id = 0] = await open([running({ waitReason: reason, waitingUntil: until })]);
    await waitFor(() => expect(text(id, '.job-state')).toContain(words));
    expect(card(id)?.querySelector('.job-state')?.classList.contains('job-wait')).toBe(true);
    expect(text(id, '.job-progress')).toBe('300 of 1,000');
    expect(controls(id)).toEqual(['pause', 'cancel']);
  });

  it('a job paused because the sign-in failed offers Sign in again, then Resume', async () => {
    const openOptions = vi.fn(async () => undefined);
    fakeBrowser.runtime.openOptionsPage = openOptions;
    const [id = 0] = await open([running({ state: 'paused', waitReason: 'needs-login' })]);
    await waitFor(() =>
      expect(text(id, '.job-state')).toBe(
        'Paused: the sign-in to Freigabe Demo no longer works. Sign in again, then resume.',
      ),
    );
    fireEvent.click(within(card(id) as HTMLElement).getByRole('button', { name: 'Sign in again' }));
    expect(openOptions).toHaveBeenCalledTimes(1);
    expect(controls(id)).toEqual(['resume', 'cancel']);
  });

  it('the report: done, skipped, failed grouped by WordPress’s reasons; Undo starts the reversing job', async () => {
    const failures = [
      { commentId: 11, code: 'rest_comment_invalid_id', message: 'Invalid comment ID.' },
      { commentId: 12, code: 'rest_cannot_edit', message: 'Sorry, you are not allowed to edit this comment.' },
      { commentId: 13, code: 'rest_comment_invalid_id', message: 'Invalid comment ID.' },
    ];
    const [id = 0] = await open([
      running({
        state: 'done',
        finishedAt: Date.now(),
        failures,
        progress: { total: 1000, done: 990, skipped: 7, failed: 3, activeMs: 90_000 },
      }),
    ]);
    await waitFor(() => expect(text(id, '.job-state')).toBe('Finished'));
    expect([...(card(id)?.querySelectorAll('.job-report > li') ?? [])].map((li) => li.firstChild?.textContent)).toEqual(
      ['990 done', '7 skipped: another moderator had changed them', '3 failed:'],
    );
    expect([...(card(id)?.querySelectorAll('.job-failures li') ?? [])].map((li) => li.textContent)).toEqual([
      '2 × Invalid comment ID. (rest_comment_invalid_id)',
      '1 × Sorry, you are not allowed to edit this comment. (rest_cannot_edit)',
    ]);
    expect(controls(id)).toEqual(['undo', 'dismiss']);

    fireEvent.click(within(card(id) as HTMLElement).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(harness.requestsOf('undoJob')).toEqual([{ type: 'undoJob', jobId: id }]));
    // The undo is a job of its own, announced; the original says it was undone and offers no second undo.
    await waitFor(() => expect(document.querySelectorAll('.jobs [data-job-id]')).toHaveLength(2));
    const undoCard = document.querySelector<HTMLElement>('.jobs [data-job-id]') as HTMLElement;
    expect(undoCard.querySelector('.job-heading')?.textContent).toBe('Undo: 990 comments on Freigabe Demo');
    await waitFor(() => expect(announced()).toBe('Job started. Undo: 990 comments on Freigabe Demo'));
    await waitFor(() => expect(controls(id)).toEqual(['dismiss']));
    expect(card(id)?.textContent).toContain('Undone');
  });

  it('no Undo after delete permanently, and it says so', async () => {
    const [id = 0] = await open([
      running({
        action: 'delete',
        state: 'done',
        finishedAt: Date.now(),
        progress: { total: 5, done: 5, skipped: 0, failed: 0, activeMs: 2000 },
      }),
    ]);
    await waitFor(() => expect(text(id, '.job-state')).toBe('Finished'));
    expect(controls(id)).toEqual(['dismiss']);
    expect(card(id)?.textContent).toContain('Deleted permanently: this cannot be undone.');
  });

  it('a refused control is shown on the job in the background’s own words', async () => {
    const [id = 0] = await open([running()]);
    engine.refuseControl = new ReplyError('job_ended', 'This job has already ended; start a new one to go on.');
    await waitFor(() => expect(card(id)).not.toBeNull());
    fireEvent.click(within(card(id) as HTMLElement).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(text(id, '.job-problem')).toBe('This job has already ended; start a new one to go on.'));
  });

  it('progress comes from the table: a write redraws the strip, not the queue; the finish is announced', async () => {
    const [id = 0] = await open([running()]);
    await waitFor(() => expect(card(id)).not.toBeNull());
    const rendered: string[] = [];
    const previous = options.diffed;
    options.diffed = (vnode: VNode) => {
      const type: unknown = vnode.type;
      if (typeof type === 'function') {
        const component = type as { displayName?: string; name: string };
        rendered.push(component.displayName ?? component.name);
      }
      previous?.(vnode);
    };
    const queueParts = ['App', 'QueueList', 'VirtualList', 'CommentItemView', 'Signals', 'ViewTabs', 'Filters'];
    try {
      // The queue settles first (reputation and history reads land after the first paint): poll for a quiet spell.
      for (let round = 0; round < 50; round++) {
        rendered.length = 0;
        await new Promise((resolve) => setTimeout(resolve, 150));
        if (!rendered.some((name) => queueParts.includes(name))) break;
      }
      rendered.length = 0;
      for (const done of [400, 500, 600]) {
        await harness.ctx.db.jobs.update(id, {
          progress: { total: 1000, done, skipped: 20, failed: 10, activeMs: 60_000 },
        });
        await waitFor(() => expect(text(id, '.job-progress')).toContain(`${done + 30} of 1,000`));
      }
    } finally {
      options.diffed = previous;
    }
    expect(rendered).toContain('JobCardView');
    for (const name of queueParts) expect(rendered, name).not.toContain(name);

    await harness.ctx.db.jobs.update(id, {
      state: 'done',
      finishedAt: Date.now(),
      progress: { total: 1000, done: 970, skipped: 20, failed: 10, activeMs: 90_000 },
    });
    await waitFor(() => expect(announced()).toBe('Job finished: 970 done, 20 skipped, 10 failed.'));
  });

  it('survives closing the popup; a dismissed report stays dismissed', async () => {
    const [runningId = 0, doneId = 0] = await open([
      running(),
      running({
        state: 'done',
        finishedAt: Date.now(),
        progress: { total: 8, done: 8, skipped: 0, failed: 0, activeMs: 1500 },
      }),
    ]);
    await waitFor(() => expect(document.querySelectorAll('.jobs [data-job-id]')).toHaveLength(2));
    cleanup();
    render(<App db={harness.ctx.db} tabId={null} />);
    await waitFor(() => expect(document.querySelectorAll('.jobs [data-job-id]')).toHaveLength(2));
    // Reopening announces nothing that happened before.
    expect(announced() ?? '').toBe('');
    fireEvent.click(within(card(doneId) as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(card(doneId)).toBeNull());
    cleanup();
    render(<App db={harness.ctx.db} tabId={null} />);
    await waitFor(() => expect(card(runningId)).not.toBeNull());
    expect(card(doneId)).toBeNull();
    expect(screen.getByRole('region', { name: 'Bulk jobs' })).toBeTruthy();
  });
});
