/**
 * The moderator at the keyboard: a seeded mix of every decision a comment offers in its status
 * (shared/moderation.ts), undo inside the undo window and after it, each written to the ledger with
 * what the extension answered. Most go through the extension's own messages from an extension page;
 * a share (`uiShare`, seeded like the rest) through the UI — the popup's keys or a click on the
 * article (ui-step.ts) — the ledger line saying which (`via`).
 */
import type { CommentRow } from '../../src/shared/db/index.ts';
import {
  commentStatuses,
  decisionsFor,
  isTextDecision,
  type RequestedDecision,
  statusAfter,
} from '../../src/shared/moderation.ts';
import { readRow, readRows, type SoakBrowser, send } from './browser.ts';
import type { Ledger } from './ledger.ts';
import type { Random } from './random.ts';
import type { SoakSite } from './sites.ts';
import { chooseVia } from './ui-plan.ts';
import { decideThroughUi, undoThroughPopup } from './ui-step.ts';

export interface Driver {
  /** one step: a decision, or a decision undone at once, or an older one undone */
  step(): Promise<void>;
  /** reads the cached comments again (after a restart, or now and then) */
  refresh(): Promise<void>;
  /** comments decided lately: what the other moderator goes for */
  recent(): number[];
}

/** Decisions taken back with the undo message (text decisions other than a reply are not). */
const undoable = new Set<RequestedDecision>(['approve', 'unapprove', 'spam', 'unspam', 'trash', 'untrash', 'reply']);

/**
 * A comment the soak moderates: in a status decisions are made in, and not one of its own replies
 * (the oracle finds a reply by its text, which an edit or a delete of the reply would take away).
 */
const moderatable = (row: CommentRow) =>
  (commentStatuses as readonly string[]).includes(row.status) && !row.contentHtml.includes('[soak-');

/** One site's moderator: decisions on that site's cached comments, each ledger line named by the site. */
export function createDriver(
  browser: SoakBrowser,
  site: SoakSite,
  ledger: Ledger,
  random: Random,
  seed: number,
  undoWindowMs: number,
  /** the share of decisions made through the UI (popup keys, article clicks) */
  uiShare: number,
): Driver {
  const cached = new Map<number, string>();
  const recentIds: number[] = [];
  /** decide lines that may be undone later (status decisions, one outbox row) */
  const undoCandidates: number[] = [];
  /** each comment's latest decide line */
  const lastDecision = new Map<number, number>();
  let texts = 0;

  const text = (decision: RequestedDecision) => {
    texts += 1;
    const what = decision === 'edit' ? 'Bearbeitet' : 'Antwort';
    return `${what} [soak-${seed}-${site.name}-${texts}]: Danke für den Hinweis, wir schauen uns das an.`;
  };

  const chooseComment = (): number | null => {
    if (recentIds.length > 0 && random.chance(0.4)) return random.pick(recentIds);
    if (cached.size === 0) return null;
    return random.pick([...cached.keys()]);
  };

  const remember = (commentId: number) => {
    const at = recentIds.indexOf(commentId);
    if (at >= 0) recentIds.splice(at, 1);
    recentIds.push(commentId);
    if (recentIds.length > 40) recentIds.shift();
  };

  const decideOn = async (undoAtOnce: boolean) => {
    const commentId = chooseComment();
    if (commentId === null) return;
    const row = await readRow<CommentRow>(browser, 'comments', [site.siteId, commentId]);
    if (!row || !moderatable(row) || row.post === site.jobPost) {
      cached.delete(commentId);
      return;
    }
    const offered = decisionsFor(row.status, true).filter((decision) => !undoAtOnce || undoable.has(decision));
    // Delete for good is rarer than the rest (it shrinks what is left to decide).
    const choices = offered.filter((decision) => decision !== 'delete' || random.chance(0.3));
    if (choices.length === 0) return;
    const decision = random.pick(choices);
    const content = isTextDecision(decision) ? text(decision) : null;
    const via = chooseVia(random, row.status, uiShare);
    let at = Date.now();
    let statusBefore = row.status;
    let outboxIds: number[];
    let refused: string | null = null;
    let uiMismatch: string | null = null;
    if (via === 'message') ({ outboxIds, refused } = await byMessage(commentId, decision, content));
    else {
      const outcome = await decideThroughUi(browser, site, row, decision, content, via);
      if (outcome.kind === 'skipped') {
        ledger.write({ kind: 'ui-skipped', site: site.name, at, commentId, decision, via, reason: outcome.reason });
        return;
      }
      outboxIds = outcome.outboxIds;
      if (outcome.kind === 'wrong') uiMismatch = outcome.note;
      else ({ at, statusBefore } = outcome);
    }
    const line = ledger.write({
      kind: 'decide',
      site: site.name,
      at,
      commentId,
      decision,
      statusBefore,
      content,
      outboxIds,
      refused,
      via,
      ...(uiMismatch === null ? {} : { uiMismatch }),
    });
    if (refused !== null || uiMismatch !== null) return;
    lastDecision.set(commentId, line);
    remember(commentId);
    if (decision === 'delete') cached.delete(commentId);
    else if (decision !== 'reply' && decision !== 'edit')
      cached.set(commentId, statusAfter(decision === 'approveAndReply' ? 'approve' : decision, statusBefore));
    if (undoable.has(decision) && outboxIds.length === 1) {
      // The popup's own undo for its decisions; the article's are undone by message.
      if (undoAtOnce) await undo(line, 'window', via === 'popup-keys');
      else if (decision !== 'reply') undoCandidates.push(line);
    }
  };

  const byMessage = async (commentId: number, decision: RequestedDecision, content: string | null) => {
    const reply = await send<{ outboxIds: number[] }>(browser, {
      type: 'decide',
      siteId: site.siteId,
      commentIds: [commentId],
      decision,
      ...(content === null ? {} : { content }),
    });
    return reply.ok
      ? { outboxIds: reply.value.outboxIds, refused: null }
      : { outboxIds: [], refused: reply.error.code };
  };

  const undoByMessage = async (outboxId: number) => {
    const reply = await send<{ result: 'cancelled' | 'reversed' }>(browser, { type: 'undo', outboxId });
    return reply.ok ? { result: reply.value.result, refused: null } : { result: null, refused: reply.error.code };
  };

  const undoByPopup = async (outboxId: number) => {
    const result = await undoThroughPopup(browser, outboxId, random.chance(0.5) ? 'key' : 'button');
    return { result, refused: result === null ? 'not undone in the popup' : null };
  };

  const undo = async (line: number, within: 'window' | 'after', inPopup = false) => {
    const decided = ledger.lines[line];
    if (decided?.kind !== 'decide') return;
    const [outboxId] = decided.outboxIds;
    if (outboxId === undefined) return;
    const { result, refused } = inPopup ? await undoByPopup(outboxId) : await undoByMessage(outboxId);
    ledger.write({
      kind: 'undo',
      site: site.name,
      at: Date.now(),
      commentId: decided.commentId,
      outboxId,
      of: line,
      within,
      result,
      refused,
      via: inPopup ? 'popup-keys' : 'message',
    });
    if (result !== null && decided.decision !== 'reply') cached.set(decided.commentId, decided.statusBefore);
  };

  const undoLater = async () => {
    // As in the popup, the undo is of the comment's latest decision (its notice), older ones are left be.
    const latest = (line: number) => {
      const decided = ledger.lines[line];
      return decided?.kind === 'decide' && lastDecision.get(decided.commentId) === line;
    };
    const old = undoCandidates.filter(
      (line) => latest(line) && (ledger.lines[line]?.at ?? 0) < Date.now() - undoWindowMs - 1000,
    );
    if (old.length === 0) return decideOn(false);
    const line = random.pick(old);
    undoCandidates.splice(undoCandidates.indexOf(line), 1);
    await undo(line, 'after');
  };

  return {
    async step() {
      const what = random.weighted({ decide: 75, undoInWindow: 13, undoAfter: 12 });
      if (what === 'decide') await decideOn(false);
      else if (what === 'undoInWindow') await decideOn(true);
      else await undoLater();
    },
    async refresh() {
      cached.clear();
      for (const row of await readRows<CommentRow>(browser, 'comments')) {
        if (row.siteId === site.siteId && moderatable(row) && row.post !== site.jobPost) cached.set(row.id, row.status);
      }
    },
    recent: () => [...recentIds],
  };
}
