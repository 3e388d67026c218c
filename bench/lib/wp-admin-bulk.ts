/**
 * wp-admin's own bulk actions, driven in Chromium as a moderator would: the comment list with as
 * many comments on one page as the screen option allows ("Number of items per page", at most 999),
 * "select all", a bulk action, Apply.
 * - `wpAdminBulkApprove`: one page of `count` pending comments approved; timed from the click until
 *   WordPress answers the bulk request (it approves them all before it redirects back to the list);
 *   then its REST API must report every one approved.
 * - `wpAdminBulkUntilEmpty`: a whole flood — select all, bulk action, Apply, and again on the list
 *   WordPress shows next, until it is empty; timed from the first Apply to the empty list.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/chromium.ts';
import { logInToWordPress } from '../../scripts/extension-browser.ts';
import type { DemoSiteUser } from '../../scripts/wp/index.ts';
import { restRequest, restRoot } from '../../scripts/wp/rest.ts';

export interface BulkFigures {
  count: number;
  /** loading the pending list with `count` rows */
  listMs: number;
  /** from clicking Apply until WordPress answers the bulk request, all of them approved */
  bulkMs: number;
  /** from clicking Apply until wp-admin's answer page (the rest of the list) has loaded */
  reloadMs: number;
}

export interface FloodBulkFigures {
  /** comments the bulk action went through (the rows selected, all pages) */
  count: number;
  /** Apply clicks: pages of at most `perPage` */
  pages: number;
  perPage: number;
  /** from the first Apply until wp-admin shows the list empty */
  totalMs: number;
  /** WordPress's own time: the bulk requests, from each click until its answer, summed */
  bulkMs: number;
  /** in the browser: ticking "select all" on each page, summed */
  selectMs: number;
  /** loading the next list after each answer, summed */
  listMs: number;
  /** the slowest single bulk request */
  slowestBulkMs: number;
  /** the longest bulk request URL (GET, every id in it) */
  longestUrlBytes: number;
  /** the most ids one request selected, and the fewest WordPress said it changed of a full page */
  mostSelected: number;
  fewestActedOnFullPage: number | null;
  /** the bulk request's fields besides the ids (nonce, referer, view, …), at most */
  otherFields: number;
  /** comments WordPress said it changed (the counts in its answers), all pages */
  acted: number;
  /** false: stopped after `maxPages` with comments left */
  emptied: boolean;
}

/** The largest page wp-admin's screen option accepts (set_screen_options refuses anything over 999). */
export const wpAdminMaxPerPage = 999;

/** The count wp-admin's answer carries for each bulk action. */
const actedParam: Record<string, string> = {
  trash: 'trashed',
  approve: 'approved',
  unapprove: 'unapproved',
  spam: 'spammed',
};

/** wp-admin's comment list views by the status they show. */
const views = { hold: 'moderated', approved: 'approved', spam: 'spam', trash: 'trash' } as const;

/** How many of these comments WordPress has approved (REST, as `admin`). */
async function approvedAmong(siteUrl: string, admin: DemoSiteUser, ids: number[]): Promise<number> {
  let approved = 0;
  for (let start = 0; start < ids.length; start += 100) {
    const include = ids
      .slice(start, start + 100)
      .map((id) => `include[]=${id}`)
      .join('&');
    // wp-admin's list holds pings too (the demo content's pending pingbacks); REST lists one type at a time.
    for (const type of ['comment', 'pingback', 'trackback']) {
      const response = await restRequest(
        restRoot({ url: siteUrl }),
        admin,
        `wp/v2/comments?status=approve&type=${type}&per_page=100&${include}`,
      );
      if (!response.ok) throw new Error(`REST check: HTTP ${response.status}`);
      approved += Number(response.headers.get('X-WP-Total'));
    }
  }
  return approved;
}

async function withLoggedInPage<T>(siteUrl: string, admin: DemoSiteUser, work: (page: Page) => Promise<T>): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found for the wp-admin benchmark (apt-get install chromium).');
  const browser: Browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(300_000);
    await logInToWordPress(page, siteUrl, admin.login, admin.password);
    return await work(page);
  } finally {
    await browser.close();
  }
}

/** Opens the list, with `perPage` rows a page (the screen option, set once per user); answers the load time. */
async function openList(page: Page, list: string, perPage: number): Promise<number> {
  let listStart = performance.now();
  await page.goto(list);
  if ((await page.inputValue('#edit_comments_per_page')) !== String(perPage)) {
    await page.click('#show-settings-link');
    await page.fill('#edit_comments_per_page', String(perPage));
    await Promise.all([page.waitForNavigation(), page.click('#screen-options-apply')]);
    listStart = performance.now();
    await page.goto(list);
  }
  return performance.now() - listStart;
}

/** Only the visible list: wp-admin also sends a few extra rows, hidden, to fill gaps after Ajax actions. */
const listedIds = (page: Page) =>
  page.$$eval('#the-comment-list input[name="delete_comments[]"]', (boxes) =>
    boxes.map((box) => Number((box as HTMLInputElement).value)),
  );

interface PageFigures {
  /** ticking "select all" and choosing the action, in the browser */
  selectMs: number;
  /** from Apply until WordPress answered the bulk request */
  bulkMs: number;
  /** from Apply until the next list has loaded */
  reloadMs: number;
  /** the bulk request's URL (wp-admin's list form is sent by GET, every id in the URL) */
  urlBytes: number;
  /** the request's fields besides the ids */
  otherFields: number;
  /** how many WordPress says it changed (its redirect's trashed=N, approved=N, …) */
  acted: number;
}

/** Select all, bulk `action`, Apply — and where the time went. */
async function applyToAll(page: Page, action: string): Promise<PageFigures> {
  const selectStart = performance.now();
  await page.check('#cb-select-all-1');
  await page.selectOption('#bulk-action-selector-top', action);
  const bulkStart = performance.now();
  const bulkAnswered = page
    .waitForResponse((response) => response.url().includes('delete_comments'), { timeout: 300_000 })
    .then(async (response) => {
      const ms = performance.now() - bulkStart;
      const location = (await response.headerValue('location')) ?? '';
      const answer = new URL(location, response.url()).searchParams;
      return {
        ms,
        urlBytes: response.url().length,
        otherFields: [...new URL(response.url()).searchParams.keys()].filter((key) => key !== 'delete_comments[]')
          .length,
        acted: Number(answer.get(actedParam[action] ?? action) ?? 0),
      };
    });
  await Promise.all([page.waitForNavigation(), page.click('#doaction')]);
  const reloadMs = performance.now() - bulkStart;
  const answered = await bulkAnswered;
  return {
    selectMs: bulkStart - selectStart,
    bulkMs: answered.ms,
    reloadMs,
    urlBytes: answered.urlBytes,
    otherFields: answered.otherFields,
    acted: answered.acted,
  };
}

export function wpAdminBulkApprove(siteUrl: string, admin: DemoSiteUser, count: number): Promise<BulkFigures> {
  return withLoggedInPage(siteUrl, admin, async (page) => {
    const listMs = await openList(page, `${siteUrl}/wp-admin/edit-comments.php?comment_status=moderated`, count);
    const ids = await listedIds(page);
    if (ids.length !== count) throw new Error(`wp-admin lists ${ids.length} pending comments, not ${count}`);
    const { bulkMs, reloadMs } = await applyToAll(page, 'approve');
    const approved = await approvedAmong(siteUrl, admin, ids);
    if (approved !== count) throw new Error(`wp-admin's bulk Approve: ${approved} of ${count} approved`);
    return { count, listMs, bulkMs, reloadMs };
  });
}

/**
 * A bulk action on every comment of a view (`status`), a page of `perPage` at a time, until the
 * view is empty — what a moderator does in wp-admin with a flood. `onPage` hears of each page done.
 */
export function wpAdminBulkUntilEmpty(
  siteUrl: string,
  admin: DemoSiteUser,
  {
    status,
    action,
    perPage = wpAdminMaxPerPage,
    maxPages = Number.POSITIVE_INFINITY,
    onPage,
  }: {
    status: keyof typeof views;
    action: 'trash' | 'approve' | 'spam' | 'unapprove';
    perPage?: number;
    /** stop after this many pages (a sample of a flood too big to clear in the time there is) */
    maxPages?: number;
    onPage?: (done: number) => void;
  },
): Promise<FloodBulkFigures> {
  return withLoggedInPage(siteUrl, admin, async (page) => {
    await openList(page, `${siteUrl}/wp-admin/edit-comments.php?comment_status=${views[status]}`, perPage);
    let count = 0;
    let pages = 0;
    let bulkMs = 0;
    let selectMs = 0;
    let listMs = 0;
    let slowestBulkMs = 0;
    let longestUrlBytes = 0;
    let mostSelected = 0;
    let fewestActedOnFullPage: number | null = null;
    let acted = 0;
    let otherFields = 0;
    let emptied = false;
    const started = performance.now();
    for (;;) {
      const ids = await listedIds(page);
      if (ids.length === 0) {
        emptied = true;
        break;
      }
      if (pages >= maxPages) break;
      const figures = await applyToAll(page, action);
      count += ids.length;
      pages += 1;
      bulkMs += figures.bulkMs;
      selectMs += figures.selectMs;
      listMs += figures.reloadMs - figures.bulkMs;
      slowestBulkMs = Math.max(slowestBulkMs, figures.bulkMs);
      longestUrlBytes = Math.max(longestUrlBytes, figures.urlBytes);
      mostSelected = Math.max(mostSelected, ids.length);
      acted += figures.acted;
      otherFields = Math.max(otherFields, figures.otherFields);
      if (ids.length === perPage) fewestActedOnFullPage = Math.min(fewestActedOnFullPage ?? perPage, figures.acted);
      onPage?.(count);
    }
    const totalMs = performance.now() - started;
    return {
      count,
      pages,
      perPage,
      totalMs,
      bulkMs,
      selectMs,
      listMs,
      slowestBulkMs,
      longestUrlBytes,
      mostSelected,
      fewestActedOnFullPage,
      otherFields,
      acted,
      emptied,
    };
  });
}
