/**
 * One decision of the soak's UI share, and its undo from the popup: the UI acts (ui-popup.ts,
 * ui-article.ts), then the outbox tells what it did — the rows for the ledger line, nothing (the
 * action is skipped: the row or card was not there), or something else than asked (a failure).
 */
import type { CommentRow, OutboxRow } from '../../src/shared/db/index.ts';
import type { RequestedDecision } from '../../src/shared/moderation.ts';
import { readRows, type SoakBrowser } from './browser.ts';
import type { SoakSite } from './sites.ts';
import { decideOnArticle } from './ui-article.ts';
import { findUiDecision, type UiAction, type UiFinding, undoResultOf, type Via } from './ui-plan.ts';
import { decideInPopup, undoInPopup } from './ui-popup.ts';

/** `at` and `statusBefore`: the first row's (the UI takes a while to get to the comment; its row tells when it decided). */
export type UiOutcome =
  | { kind: 'done'; outboxIds: number[]; at: number; statusBefore: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'wrong'; outboxIds: number[]; note: string };

/** How long a decision the UI made may take to reach the outbox (a stopped worker wakes first). */
const settleMs = 15_000;

const pause = () => new Promise((wait) => setTimeout(wait, 250));

/** Reads the outbox until the action's decision is complete (or shown wrong), for up to `ms`. */
async function settle(
  browser: SoakBrowser,
  action: UiAction,
  ms: number,
): Promise<{ finding: UiFinding; rows: OutboxRow[] }> {
  const until = Date.now() + ms;
  for (;;) {
    const rows = await readRows<OutboxRow>(browser, 'outbox');
    const finding = findUiDecision(rows, action);
    if (finding.kind !== 'pending' || Date.now() >= until) return { finding, rows };
    await pause();
  }
}

export async function decideThroughUi(
  browser: SoakBrowser,
  site: SoakSite,
  comment: CommentRow,
  decision: RequestedDecision,
  content: string | null,
  via: Exclude<Via, 'message'>,
): Promise<UiOutcome> {
  const action: UiAction = { siteId: site.siteId, commentId: comment.id, decision, content, startedAt: Date.now() };
  let notDone: string | null;
  let acted = true;
  try {
    notDone =
      via === 'popup-keys'
        ? await decideInPopup(browser, site.siteId, comment, decision, content)
        : await decideOnArticle(browser, site.proxy.url, comment, decision, content);
    // Told before a key or click: nothing to wait for.
    acted = notDone === null;
  } catch (error) {
    // Maybe halfway (a key pressed, then the page went away): the outbox tells.
    notDone = `the UI failed: ${String(error).split('\n')[0]?.slice(0, 160)}`;
  }
  const { finding, rows } = await settle(browser, action, acted ? settleMs : 0);
  if (finding.kind === 'wrong') return finding;
  // Part of approve-and-reply is still the decision made: the ledger has what the outbox has.
  const first = rows.find((row) => row.id === finding.outboxIds[0]);
  if (first)
    return { kind: 'done', outboxIds: finding.outboxIds, at: first.createdAt, statusBefore: first.previousStatus };
  return { kind: 'skipped', reason: notDone ?? 'no outbox row after the UI action' };
}

/** The popup's undo of the decision it just made; what it came to, as the undo message would answer. */
export async function undoThroughPopup(
  browser: SoakBrowser,
  outboxId: number,
  by: 'key' | 'button',
): Promise<'cancelled' | 'reversed' | null> {
  const before = (await readRows<OutboxRow>(browser, 'outbox')).find((row) => row.id === outboxId);
  await undoInPopup(browser, by).catch(() => undefined);
  const until = Date.now() + settleMs;
  for (;;) {
    const result = undoResultOf(before, await readRows<OutboxRow>(browser, 'outbox'), outboxId);
    if (result !== null || Date.now() >= until) return result;
    await pause();
  }
}
