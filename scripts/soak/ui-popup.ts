/**
 * The soak's moderator in the popup (opened as a tab of the popup's size): the comment's status view,
 * its post in the filter, its commenter in the search, Enter to the list, the comment's row active —
 * then the decision's key (shared/moderation.ts), a text typed and sent with Ctrl+Enter, a delete
 * confirmed; undo by `z` or the toast's button. Returns why it could not act, or null when it did.
 */
import type { Page } from 'playwright-core';
import type { CommentRow } from '../../src/shared/db/index.ts';
import type { RequestedDecision } from '../../src/shared/moderation.ts';
import { screenshot } from '../extension-browser.ts';
import { type SoakBrowser, uiPage } from './browser.ts';
import { keyFor } from './ui-plan.ts';

const size = { width: 460, height: 600 };
let shot = false;

/** The popup, fresh: no editor, dialog or filter left from the step before. */
async function openPopup(browser: SoakBrowser): Promise<Page> {
  const popup = await uiPage(browser, 'popup', size);
  await popup.goto(browser.current.extensionUrl('src/popup/index.html'));
  await popup.bringToFront();
  await popup.waitForSelector('.queue [role="row"], .empty', { timeout: 15_000 });
  return popup;
}

const rowOf = (commentId: number) => `.queue [role="row"][data-comment-id="${commentId}"]`;

/** Narrows the queue to the comment (view, post, commenter) and makes its row the active one. */
async function findRow(popup: Page, siteId: string, comment: CommentRow): Promise<string | null> {
  const tab = `[role="tab"][data-view="${comment.status}"]`;
  if ((await popup.locator(tab).count()) === 0) return `no ${comment.status} view`;
  await popup.click(tab);
  const post = `${siteId}\n${comment.post}`;
  // The view's posts fill the filter once its comments are read.
  const hasPost = await popup
    .waitForFunction(
      (value) =>
        [...document.querySelectorAll('select[name="post"] option')].some(
          (option) => (option as HTMLOptionElement).value === value,
        ),
      post,
      { timeout: 5_000 },
    )
    .then(() => true)
    .catch(() => false);
  if (!hasPost) return 'post not in the filter';
  await popup.selectOption('select[name="post"]', post);
  await popup.fill('.filters .search', comment.authorEmail || comment.authorName);
  const row = rowOf(comment.id);
  const found = await popup.waitForSelector(row, { timeout: 5_000 }).catch(() => null);
  if (!found) return 'row not in the queue';
  // Back to the list (Enter): the first match is active; the comment's own row, else a click on it.
  await popup.focus('.filters .search');
  await popup.keyboard.press('Enter');
  if ((await popup.locator(`${row}.active`).count()) === 0) await popup.locator(row).focus();
  if ((await popup.locator(`${row}.active`).count()) === 0) return 'row not active';
  return null;
}

export async function decideInPopup(
  browser: SoakBrowser,
  siteId: string,
  comment: CommentRow,
  decision: RequestedDecision,
  content: string | null,
): Promise<string | null> {
  const key = keyFor(decision, comment.status);
  if (key === null) return `no key for ${decision} on ${comment.status}`;
  const popup = await openPopup(browser);
  const missing = await findRow(popup, siteId, comment);
  if (missing) return missing;
  if (!shot) {
    shot = true;
    await screenshot(popup, 'soak-popup');
  }
  await popup.keyboard.press(key);
  if (decision === 'delete') {
    await popup.click('[role="dialog"] [data-action="confirm-delete"]', { timeout: 5_000 });
  } else if (content !== null) {
    const box = `${rowOf(comment.id)} textarea`;
    await popup.waitForSelector(`${box}:focus`, { timeout: 5_000 });
    // An edit starts from the comment's text, a reply from a draft left by an undo: replaced by the soak's whole text.
    await popup.keyboard.press('ControlOrMeta+A');
    await popup.keyboard.insertText(content);
    await popup.keyboard.press('Control+Enter');
  }
  return null;
}

/** The popup's undo of its last decision: `z`, or the toast's Undo while it shows. */
export async function undoInPopup(browser: SoakBrowser, by: 'key' | 'button'): Promise<void> {
  const popup = await uiPage(browser, 'popup', size);
  const button = popup.locator('.toast button[data-action="undo"]');
  if (by === 'button' && (await button.count()) > 0) await button.click({ timeout: 2_000 });
  else await popup.keyboard.press('z');
}
