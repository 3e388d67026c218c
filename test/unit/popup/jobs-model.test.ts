/**
 * Bulk jobs in the popup, the pure parts: where a job's filter comes from (the queue's filters, a
 * cluster's pattern, Empty spam/trash), the sheet's steps (delete asked first, the Akismet note,
 * answers for an older filter dropped), what a job row shows (controls, undo, rate, report), and
 * the commands that open the sheet.
 */
import { describe, expect, it } from 'vitest';
import { clusterSearch, minPhraseLength } from '../../../src/popup/jobs/cluster-search.ts';
import { jobProblem } from '../../../src/popup/jobs/job-text.ts';
import {
  canUndo,
  controlsOf,
  failureGroups,
  fractionOf,
  rateOf,
  reportKeptMs,
  shownJobs,
  unlistedFailures,
  waitOf,
} from '../../../src/popup/jobs/job-view.ts';
import { scopeOf, scopeOfCluster, scopeOfEmptying, scopeOfFilter } from '../../../src/popup/jobs/scope.ts';
import {
  filterOf,
  initialSheet,
  reduceSheet,
  type SheetAction,
  type SheetState,
} from '../../../src/popup/jobs/sheet-state.ts';
import { commandFor } from '../../../src/popup/keyboard/keymap.ts';
import type { SiteCluster } from '../../../src/popup/queue/clusters.ts';
import { displayRows } from '../../../src/popup/queue/rows.ts';
import { commentKey, initialFilter, postKey } from '../../../src/popup/queue/views.ts';
import type { QueueNow } from '../../../src/popup/state/commands.ts';
import { execute } from '../../../src/popup/state/execute.ts';
import { initialUiState, reduce } from '../../../src/popup/state/ui-state.ts';
import type { CommentRow, JobRow } from '../../../src/shared/db/index.ts';
import { akismetFloodThreshold } from '../../../src/shared/jobs.ts';
import { type JobPreview, MessageError } from '../../../src/shared/messages.ts';
import { jobRowOf } from '../../support/fake-job-engine.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const otherSite = testSite({ id: 'https://zwei.example/wp-json/', name: 'Zweiter Blog' });
const authorSite = testSite({ id: 'https://autor.example/wp-json/', name: 'Autorenblog', mode: 'author' });

const jobRow = (overrides: Partial<JobRow> = {}): JobRow =>
  jobRowOf({
    id: 1,
    siteId,
    createdAt: 1,
    updatedAt: 1,
    progress: { total: 1000, done: 0, skipped: 0, failed: 0, activeMs: 0 },
    ...overrides,
  });

describe('where a job’s filter comes from', () => {
  it('the view, post, type and search on screen become the server filter, on the post’s site', () => {
    const scope = scopeOfFilter(
      { view: 'spam', siteId: null, post: postKey(otherSite.id, 7), type: 'pings', search: '  casino ' },
      [testSite(), otherSite],
    );
    expect(scope).toEqual({
      ok: true,
      request: {
        origin: 'filter',
        siteId: otherSite.id,
        siteChoices: [otherSite.id],
        filter: { status: 'spam', type: 'pings', post: 7, search: 'casino' },
        only: null,
      },
    });
  });

  it('with every site in view, the user picks among the sites they moderate (authors’ sites left out)', () => {
    const scope = scopeOfFilter(initialFilter, [authorSite, testSite(), otherSite]);
    expect(scope.ok && scope.request.siteId).toBe(siteId);
    expect(scope.ok && scope.request.siteChoices).toEqual([siteId, otherSite.id]);
    expect(scope.ok && scope.request.filter).toEqual({ status: 'hold', type: 'all' });
  });

  it('says why not: Mine, an author’s site only, a search longer than WordPress is asked for', () => {
    expect(scopeOfFilter({ ...initialFilter, view: 'mine' }, [testSite()])).toEqual({
      ok: false,
      problem: 'jobNotInMine',
    });
    expect(scopeOfFilter(initialFilter, [authorSite])).toEqual({ ok: false, problem: 'jobNeedsModerator' });
    expect(scopeOfFilter({ ...initialFilter, siteId: authorSite.id }, [authorSite, testSite()])).toEqual({
      ok: false,
      problem: 'jobNeedsModerator',
    });
    expect(scopeOfFilter({ ...initialFilter, search: 'x'.repeat(201) }, [testSite()])).toEqual({
      ok: false,
      problem: 'jobSearchTooLong',
    });
  });

  it('Empty spam/trash: the whole status on the site, delete permanently the only action', () => {
    expect(scopeOfEmptying('trash', null, [testSite()])).toEqual({
      ok: true,
      request: {
        origin: 'empty',
        siteId,
        siteChoices: [siteId],
        filter: { status: 'trash', type: 'all' },
        only: 'delete',
      },
    });
  });

  const cluster = (reason: SiteCluster['reason'], members: number[]): SiteCluster => ({
    key: `${siteId}\n4:${members[0]}`,
    siteId,
    post: 4,
    reason,
    members: members.map((id) => commentKey({ siteId, id })),
  });

  it('a cluster’s shared phrase, letter for letter in every stored text, is its search', () => {
    const comments = [
      commentRow(1, { contentRaw: 'RT @anna: Die Bahn streicht den Nachtzug nach Wien #bahn' }),
      commentRow(2, { contentRaw: 'Die Bahn streicht den Nachtzug nach Wien – via @bert' }),
      commentRow(3, { contentRaw: 'rt @cem: die bahn streicht den Nachtzug nach Wien' }),
    ];
    const search = clusterSearch(cluster('similar-text', [1, 2, 3]), comments);
    // WordPress's search ignores case (MySQL's collation): the shortest text's spelling is as good as any.
    expect(search?.toLowerCase()).toBe('die bahn streicht den nachtzug nach wien');
    for (const comment of comments) expect(comment.contentRaw?.toLowerCase()).toContain(search?.toLowerCase());
    expect(scopeOfCluster(cluster('similar-text', [1, 2, 3]), 'hold', search, [testSite()])).toMatchObject({
      ok: true,
      request: { origin: 'cluster', filter: { status: 'hold', type: 'all', post: 4, search } },
    });
  });

  it('pings from one host search for the host; a short or unknown text has no pattern', () => {
    const pings = [
      commentRow(5, { type: 'pingback', authorUrl: 'https://www.scraper.example/a' }),
      commentRow(6, { type: 'pingback', authorUrl: 'http://scraper.example/b' }),
    ];
    const host = clusterSearch(cluster('pings-from-domain', [5, 6]), pings);
    expect(host).toBe('scraper.example');
    expect(scopeOfCluster(cluster('pings-from-domain', [5, 6]), 'spam', host, [testSite()])).toMatchObject({
      ok: true,
      request: { filter: { status: 'spam', type: 'pings', post: 4, search: 'scraper.example' } },
    });
    const short = [1, 2, 3].map((id) => commentRow(id, { contentRaw: 'Danke!' }));
    expect('Danke!'.length).toBeLessThan(minPhraseLength);
    expect(clusterSearch(cluster('same-text', [1, 2, 3]), short)).toBeNull();
    const unknown = [commentRow(1, { contentRaw: null }), commentRow(2)];
    expect(clusterSearch(cluster('same-text', [1, 2]), unknown)).toBeNull();
    expect(scopeOfCluster(cluster('same-text', [1, 2]), 'hold', null, [testSite()])).toEqual({
      ok: false,
      problem: 'jobClusterNoPattern',
    });
  });
});

describe('the sheet’s steps', () => {
  const request = () => {
    const scope = scopeOfFilter(initialFilter, [testSite()]);
    if (!scope.ok) throw new Error('no scope');
    return scope.request;
  };
  const preview = (total: number): JobPreview => ({ total, first: [], route: 'rest' });
  const run = (state: SheetState, ...actions: SheetAction[]) => actions.reduce(reduceSheet, state);
  const ready = (total: number) =>
    run(initialSheet(request()), { type: 'previewAnswered', seq: 0, preview: preview(total) });

  it('nothing starts before the count is there, nor when nothing matches', () => {
    const loading = initialSheet(request());
    expect(run(loading, { type: 'choose', action: 'approve' }).step).toEqual({ kind: 'choose' });
    expect(run(ready(0), { type: 'choose', action: 'approve' }).step).toEqual({ kind: 'choose' });
    expect(run(ready(12), { type: 'choose', action: 'approve' }).step).toEqual({ kind: 'starting', action: 'approve' });
  });

  it('delete permanently is asked first; Back returns to the actions', () => {
    const asked = run(ready(12_408), { type: 'choose', action: 'delete' });
    expect(asked.step).toEqual({ kind: 'confirm-delete' });
    expect(run(asked, { type: 'back' }).step).toEqual({ kind: 'choose' });
    expect(run(asked, { type: 'choose', action: 'delete' }).step).toEqual({ kind: 'starting', action: 'delete' });
  });

  it('spam above the Akismet threshold says so first; trash instead is one choice, spam anyway another', () => {
    expect(run(ready(akismetFloodThreshold), { type: 'choose', action: 'spam' }).step.kind).toBe('starting');
    const flood = run(ready(akismetFloodThreshold + 1), { type: 'choose', action: 'spam' });
    expect(flood.step).toEqual({ kind: 'akismet' });
    expect(run(flood, { type: 'choose', action: 'trash' }).step).toEqual({ kind: 'starting', action: 'trash' });
    expect(run(flood, { type: 'choose', action: 'spam' }).step).toEqual({ kind: 'starting', action: 'spam' });
  });

  it('Empty spam/trash offers delete only; a failed start says why and can be tried again', () => {
    const scope = scopeOfEmptying('spam', null, [testSite()]);
    if (!scope.ok) throw new Error('no scope');
    const sheet = run(initialSheet(scope.request), { type: 'previewAnswered', seq: 0, preview: preview(40) });
    expect(run(sheet, { type: 'choose', action: 'trash' })).toBe(sheet);
    const starting = run(sheet, { type: 'choose', action: 'delete' }, { type: 'choose', action: 'delete' });
    const failed = run(starting, { type: 'startFailed', problem: 'offline' });
    expect(failed.step).toEqual({ kind: 'failed', action: 'delete', problem: 'offline' });
    expect(run(failed, { type: 'choose', action: 'delete' }).step).toEqual({ kind: 'confirm-delete' });
  });

  it('a changed filter asks again; the answer for the older filter is dropped', () => {
    const first = ready(100);
    const typed = run(first, { type: 'editExtra', change: { authorEmail: 'bot@spam.example' } });
    expect(typed.preview).toEqual({ state: 'loading', seq: 1 });
    expect(run(typed, { type: 'previewAnswered', seq: 0, preview: preview(100) }).preview.state).toBe('loading');
    const answered = run(typed, { type: 'previewAnswered', seq: 1, preview: preview(3) });
    expect(answered.preview).toEqual({ state: 'ready', seq: 1, preview: preview(3) });
    expect(filterOf(answered)).toEqual({
      ok: true,
      filter: { status: 'hold', type: 'all', authorEmail: 'bot@spam.example' },
    });
    expect(run(answered, { type: 'previewFailed', seq: 0, problem: 'late' })).toBe(answered);
  });

  it('dates select whole days as the site counts them; a bad email or reversed dates are named', () => {
    const sheet = initialSheet(request());
    expect(filterOf(run(sheet, { type: 'editExtra', change: { from: '2026-11-01', to: '2026-11-30' } }))).toEqual({
      ok: true,
      filter: { status: 'hold', type: 'all', after: '2026-11-01T00:00:00Z', before: '2026-12-01T00:00:00Z' },
    });
    expect(filterOf(run(sheet, { type: 'editExtra', change: { authorEmail: 'bot' } }))).toEqual({
      ok: false,
      problem: 'email',
    });
    expect(filterOf(run(sheet, { type: 'editExtra', change: { from: '2026-12-02', to: '2026-12-01' } }))).toEqual({
      ok: false,
      problem: 'dates',
    });
  });
});

describe('what a job shows', () => {
  it('pause and cancel while it runs, resume and cancel while paused, nothing once finished', () => {
    expect(controlsOf(jobRow())).toEqual(['pause', 'cancel']);
    expect(controlsOf(jobRow({ state: 'paused' }))).toEqual(['resume', 'cancel']);
    expect(controlsOf(jobRow({ state: 'done' }))).toEqual([]);
    expect(controlsOf(jobRow({ state: 'cancelled' }))).toEqual([]);
  });

  it('undo where WordPress can reverse it: finished, not delete, not twice, not an undo, something done', () => {
    const done = { state: 'done' as const, progress: { total: 10, done: 10, skipped: 0, failed: 0, activeMs: 5000 } };
    expect(canUndo(jobRow(done))).toBe(true);
    expect(canUndo(jobRow({ ...done, state: 'cancelled' }))).toBe(true);
    expect(canUndo(jobRow({ ...done, state: 'running' }))).toBe(false);
    expect(canUndo(jobRow({ ...done, action: 'delete' }))).toBe(false);
    expect(canUndo(jobRow({ ...done, undoneBy: 2 }))).toBe(false);
    expect(canUndo(jobRow({ ...done, undoOf: 3 }))).toBe(false);
    expect(canUndo(jobRow({ ...done, progress: { ...done.progress, done: 0, skipped: 10 } }))).toBe(false);
  });

  it('the rate and time left only while it moves; the bar counts skipped and failed as handled', () => {
    const progress = { total: 1000, done: 250, skipped: 30, failed: 20, activeMs: 60_000 };
    expect(rateOf(jobRow({ progress }))).toEqual({ perMinute: 300, msLeft: 140_000 });
    expect(rateOf(jobRow({ progress, state: 'paused' }))).toBeNull();
    expect(rateOf(jobRow({ progress, waitReason: 'offline' }))).toBeNull();
    expect(fractionOf(jobRow({ progress }))).toBeCloseTo(0.3);
    expect(fractionOf(jobRow({ state: 'done', progress: { ...progress, total: 0 } }))).toBe(1);
  });

  it('a wait until a time in the past is a wait until something changes', () => {
    expect(waitOf(jobRow({ waitReason: 'backoff', waitingUntil: 5000 }), 1000)).toEqual({
      reason: 'backoff',
      until: 5000,
    });
    expect(waitOf(jobRow({ waitReason: 'backoff', waitingUntil: 5000 }), 9000)).toEqual({
      reason: 'backoff',
      until: null,
    });
    expect(waitOf(jobRow(), 0)).toBeNull();
  });

  it('failures grouped by WordPress’s reason, the commonest first; reasons not kept are counted', () => {
    const failures = [
      { commentId: 1, code: 'rest_comment_invalid_id', message: 'Invalid comment ID.' },
      { commentId: 2, code: 'rest_cannot_edit', message: 'Sorry, you are not allowed to edit this comment.' },
      { commentId: 3, code: 'rest_comment_invalid_id', message: 'Invalid comment ID.' },
    ];
    expect(failureGroups(failures)).toEqual([
      { code: 'rest_comment_invalid_id', message: 'Invalid comment ID.', count: 2, commentIds: [1, 3] },
      {
        code: 'rest_cannot_edit',
        message: 'Sorry, you are not allowed to edit this comment.',
        count: 1,
        commentIds: [2],
      },
    ]);
    expect(
      unlistedFailures(jobRow({ failures, progress: { total: 9, done: 0, skipped: 0, failed: 205, activeMs: 1 } })),
    ).toBe(202);
  });

  it('the strip shows every unfinished job and the reports not dismissed nor older than a day, newest first', () => {
    const now = 10 * reportKeptMs;
    const jobs = [
      jobRow({ id: 1, createdAt: 1 }),
      jobRow({ id: 2, createdAt: 2, state: 'done', finishedAt: now - 1000 }),
      jobRow({ id: 3, createdAt: 3, state: 'done', finishedAt: now - reportKeptMs - 1 }),
      jobRow({ id: 4, createdAt: 4, state: 'cancelled', finishedAt: now }),
      jobRow({ id: 5, createdAt: 5, state: 'paused' }),
    ];
    expect(shownJobs(jobs, new Set([4]), now).map((job) => job.id)).toEqual([5, 2, 1]);
  });
});

describe('the commands that open the sheet', () => {
  const comments: CommentRow[] = [
    commentRow(1, { contentRaw: 'Gewinnen Sie jetzt einen Preis bei unserem Casino' }),
    commentRow(2, { contentRaw: 'Gewinnen Sie jetzt einen Preis bei unserem Casino!' }),
  ].reverse();
  const cluster: SiteCluster = {
    key: `${siteId}\n4:1`,
    siteId,
    post: 4,
    reason: 'same-text',
    members: [1, 2].map((id) => commentKey({ siteId, id })),
  };
  const queue = (sites = [testSite()]): QueueNow => ({
    rows: displayRows(comments, [cluster], new Set()),
    byKey: new Map(comments.map((comment) => [commentKey(comment), comment])),
    matching: comments,
    sites: new Map(sites.map((site) => [site.id, site])),
    posts: new Map(),
    isHidden: () => false,
  });

  it('b opens the sheet for the view and filters on screen; the sheet works out the server filter', () => {
    expect(commandFor({ key: 'b', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false })).toEqual({
      kind: 'serverJob',
    });
    const opened = execute({ ui: initialUiState, queue: queue() }, { kind: 'serverJob' });
    expect(opened.ui.jobSheet).toEqual({ from: 'filter', filter: initialFilter });
    expect(opened.effects).toEqual([]);
    const opening = opened.ui.jobSheet;
    if (!opening) throw new Error('no sheet');
    expect(scopeOf(opening, [testSite()])).toMatchObject({
      ok: true,
      request: { origin: 'filter', siteId, filter: { status: 'hold', type: 'all' } },
    });
    // On an author's site only, the sheet says why no job can run.
    expect(scopeOf(opening, [authorSite])).toEqual({ ok: false, problem: 'jobNeedsModerator' });
    expect(reduce(opened.ui, { type: 'closeJobSheet' }).jobSheet).toBeNull();
  });

  it('in Mine the reason is announced and no sheet opens', () => {
    const ui = { ...initialUiState, filter: { ...initialFilter, view: 'mine' as const } };
    expect(execute({ ui, queue: queue() }, { kind: 'serverJob' })).toEqual({
      ui,
      effects: [{ type: 'announce', message: 'jobNotInMine' }],
    });
  });

  it('Empty spam opens in Spam only; a cluster row opens with its pattern', () => {
    expect(execute({ ui: initialUiState, queue: queue() }, { kind: 'emptyView' }).ui.jobSheet).toBeNull();
    const spam = { ...initialUiState, filter: { ...initialFilter, view: 'spam' as const } };
    const emptying = execute({ ui: spam, queue: queue() }, { kind: 'emptyView' }).ui.jobSheet;
    expect(emptying).toEqual({ from: 'empty', view: 'spam', siteId: null });
    expect(emptying && scopeOf(emptying, [testSite()])).toMatchObject({
      ok: true,
      request: { origin: 'empty', only: 'delete', filter: { status: 'spam', type: 'all' } },
    });
    const clustered = execute({ ui: initialUiState, queue: queue() }, { kind: 'clusterJob', clusterKey: cluster.key })
      .ui.jobSheet;
    expect(clustered).toMatchObject({ from: 'cluster', status: 'hold' });
    expect(clustered && scopeOf(clustered, [testSite()])).toMatchObject({
      ok: true,
      request: {
        origin: 'cluster',
        filter: { status: 'hold', post: 4, search: 'Gewinnen Sie jetzt einen Preis bei unserem Casino' },
      },
    });
  });
});

describe('what a refusal says', () => {
  it('WordPress’s words are quoted as the site’s answer; the background’s own words stand alone', () => {
    const site = 'Freigabe Demo';
    expect(jobProblem(new MessageError('rest_comment_invalid_status', 'Invalid status.'), site)).toBe(
      'Freigabe Demo answered: Invalid status.',
    );
    expect(jobProblem(new MessageError('terminal', 'Not Found'), site)).toBe('Freigabe Demo answered: Not Found');
    expect(jobProblem(new MessageError('job_ended', 'This job has already ended.'), site)).toBe(
      'This job has already ended.',
    );
    expect(
      jobProblem(
        new MessageError('rest_forbidden_status', 'As an author you cannot act on spam on Freigabe Demo.'),
        site,
      ),
    ).toBe('As an author you cannot act on spam on Freigabe Demo.');
    expect(jobProblem(new MessageError('auth', 'x'), site)).toBe(
      'The sign-in to Freigabe Demo no longer works: sign in again in the options, then try again.',
    );
    expect(jobProblem(new MessageError('no_reply', 'x'), site)).toBe(
      'The extension did not answer. Close and reopen the popup, then try again.',
    );
  });
});
