/**
 * wp-admin's own bulk "Approve", driven in Chromium as a moderator would: the pending list with
 * every comment on one page (screen option "Number of items per page"), "select all", bulk action
 * Approve, Apply. Timed from the click until WordPress answers the bulk request (it approves them
 * all before it redirects back to the list); then its REST API must report every one approved.
 */
import { chromium } from 'playwright-core';
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

/** How many of these comments WordPress has approved (REST, as `admin`). */
async function approvedAmong(siteUrl: string, admin: DemoSiteUser, ids: number[]): Promise<number> {
  let approved = 0;
  for (let start = 0; start < ids.length; start += 100) {
    const include = ids
      .slice(start, start + 100)
      .map((id) => `include[]=${id}`)
      .join('&');
    const response = await restRequest(
      restRoot({ url: siteUrl }),
      admin,
      `wp/v2/comments?status=approve&per_page=100&${include}`,
    );
    if (!response.ok) throw new Error(`REST check: HTTP ${response.status}`);
    approved += Number(response.headers.get('X-WP-Total'));
  }
  return approved;
}

export async function wpAdminBulkApprove(siteUrl: string, admin: DemoSiteUser, count: number): Promise<BulkFigures> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found for the wp-admin benchmark (apt-get install chromium).');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(300_000);
    await logInToWordPress(page, siteUrl, admin.login, admin.password);
    const list = `${siteUrl}/wp-admin/edit-comments.php?comment_status=moderated`;
    let listStart = performance.now();
    await page.goto(list);
    if ((await page.inputValue('#edit_comments_per_page')) !== String(count)) {
      await page.click('#show-settings-link');
      await page.fill('#edit_comments_per_page', String(count));
      await Promise.all([page.waitForNavigation(), page.click('#screen-options-apply')]);
      listStart = performance.now();
      await page.goto(list);
    }
    const listMs = performance.now() - listStart;
    // Only the visible list: wp-admin also sends a few extra rows, hidden, to fill gaps after Ajax actions.
    const ids = await page.$$eval('#the-comment-list input[name="delete_comments[]"]', (boxes) =>
      boxes.map((box) => Number((box as HTMLInputElement).value)),
    );
    if (ids.length !== count) throw new Error(`wp-admin lists ${ids.length} pending comments, not ${count}`);

    await page.check('#cb-select-all-1');
    await page.selectOption('#bulk-action-selector-top', 'approve');
    const bulkStart = performance.now();
    const bulkAnswered = page
      .waitForResponse((response) => response.url().includes('delete_comments'), { timeout: 300_000 })
      .then(() => performance.now() - bulkStart);
    await Promise.all([page.waitForNavigation(), page.click('#doaction')]);
    const reloadMs = performance.now() - bulkStart;
    const bulkMs = await bulkAnswered;
    const approved = await approvedAmong(siteUrl, admin, ids);
    if (approved !== count) throw new Error(`wp-admin's bulk Approve: ${approved} of ${count} approved`);
    return { count, listMs, bulkMs, reloadMs };
  } finally {
    await browser.close();
  }
}
