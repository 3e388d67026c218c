/**
 * The moderator types drafts in the storm (issue 13: "drafts intact"): reply and edit drafts saved
 * as they are typed, through the `saveDraft` message the popup's box sends
 * (popup/reply/use-draft-saver.ts) — a few saves per draft as the text grows — on comments the
 * moderator decided lately, so that later decisions meet them. Some are then sent as the reply or
 * the edit (which ends the draft: outbox/decide.ts), and some of those replies undone at once (which
 * gives the text back as a draft). A save that got no answer, or was refused, is made again at the
 * next step, as the box saves again with the next key press and on close. Typed alongside a fault,
 * the saves race a stopped worker, an extension reload, a killed browser. Each save and each
 * decision is a ledger line; the rules are judged in draft-oracle.ts.
 */
import type { CommentRow } from '../../src/shared/db/index.ts';
import { commentStatuses, type DraftKind, decisionsFor } from '../../src/shared/moderation.ts';
import { readRow, type SoakBrowser, send } from './browser.ts';
import type { Ledger } from './ledger.ts';
import type { Random } from './random.ts';
import type { SoakSite } from './sites.ts';

export interface DraftDriver {
  /** one draft typed (saves left unanswered before are made again first); sometimes sent, sometimes that undone */
  step(): Promise<void>;
  /** a draft typed while a fault is injected: its saves race the fault (never rejects) */
  alongsideFault(): Promise<void>;
  /** the saves still unanswered made again (the box on close), before the oracle reads the table */
  saveAgain(): Promise<void>;
}

interface Typing {
  commentId: number;
  kind: DraftKind;
  /** the box's text at each save, the whole text last */
  saves: string[];
  /** pauses between the saves (the saver's debounce and the user's speed) */
  gaps: number[];
  /** the user empties the box at the end (the draft is deleted) */
  clear: boolean;
  afterwards: 'keep' | 'send' | 'sendAndUndo';
}

const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

export function createDraftDriver(
  browser: SoakBrowser,
  site: SoakSite,
  ledger: Ledger,
  random: Random,
  seed: number,
  /** the comments the moderator decided lately (driver.ts) */
  recent: () => number[],
): DraftDriver {
  let drafts = 0;
  /** per draft (comment and kind), the text whose last save got no answer or was refused */
  const unsaved = new Map<string, { commentId: number; kind: DraftKind; content: string }>();

  /** Drawn at once, before anything is awaited: the seed decides the drafts, not the timing. */
  const plan = (): Typing | null => {
    const ids = recent();
    if (ids.length === 0) return null;
    drafts += 1;
    const kind: DraftKind = random.chance(0.7) ? 'reply' : 'edit';
    const what = kind === 'reply' ? 'Antwortentwurf' : 'Überarbeitet';
    const text = `${what} [soak-${seed}-${site.name}-d${drafts}]: Danke für den Hinweis, das prüfen wir noch.`;
    const count = random.int(2, 4);
    const saves = Array.from({ length: count }, (_, index) =>
      text.slice(0, Math.round((text.length * (index + 1)) / count)),
    );
    return {
      commentId: random.pick(ids),
      kind,
      saves,
      gaps: saves.map(() => random.int(30, 400)),
      clear: random.chance(0.08),
      afterwards: random.weighted({ keep: 55, send: 30, sendAndUndo: 15 }),
    };
  };

  const save = async (commentId: number, kind: DraftKind, content: string, alongsideFault: boolean) => {
    const at = Date.now();
    const message = { type: 'saveDraft', siteId: site.siteId, commentId, kind, content };
    const reply = await send<{ saved: boolean }>(browser, message, alongsideFault ? 15_000 : 60_000).catch(
      (error: unknown) => ({ ok: false as const, error: { code: 'no_reply', message: String(error) } }),
    );
    const refused = reply.ok || reply.error.code === 'no_reply' ? null : reply.error.code;
    ledger.write({
      kind: 'draft',
      site: site.name,
      at,
      commentId,
      draftKind: kind,
      content,
      saved: reply.ok ? reply.value.saved : null,
      refused,
      alongsideFault,
    });
    const key = `${commentId}/${kind}`;
    if (reply.ok) unsaved.delete(key);
    else unsaved.set(key, { commentId, kind, content });
  };

  const type = async (typing: Typing, alongsideFault: boolean) => {
    for (const [index, content] of typing.saves.entries()) {
      await save(typing.commentId, typing.kind, content, alongsideFault);
      await sleep(typing.gaps[index] ?? 0);
    }
    if (typing.clear) await save(typing.commentId, typing.kind, '', alongsideFault);
  };

  const saveAgain = async () => {
    for (const draft of [...unsaved.values()]) await save(draft.commentId, draft.kind, draft.content, false);
  };

  /** The draft sent as the reply (or approve and reply) or the edit, as the box's Send does; a reply maybe undone at once. */
  const sendDraft = async (typing: Typing, content: string) => {
    const row = await readRow<CommentRow>(browser, 'comments', [site.siteId, typing.commentId]);
    if (!row || !(commentStatuses as readonly string[]).includes(row.status)) return;
    const wanted =
      typing.kind === 'edit'
        ? 'edit'
        : row.status === 'hold' && typing.afterwards === 'send'
          ? 'approveAndReply'
          : 'reply';
    if (!decisionsFor(row.status, true).includes(wanted)) return;
    const at = Date.now();
    const reply = await send<{ outboxIds: number[] }>(browser, {
      type: 'decide',
      siteId: site.siteId,
      commentIds: [typing.commentId],
      decision: wanted,
      content,
    });
    const line = ledger.write({
      kind: 'decide',
      site: site.name,
      at,
      commentId: typing.commentId,
      decision: wanted,
      statusBefore: row.status,
      content,
      outboxIds: reply.ok ? reply.value.outboxIds : [],
      refused: reply.ok ? null : reply.error.code,
    });
    const [outboxId] = reply.ok ? reply.value.outboxIds : [];
    // Only a plain reply is taken back (the soak's driver undoes no edits; approve-and-reply is two rows).
    if (typing.afterwards !== 'sendAndUndo' || wanted !== 'reply' || outboxId === undefined) return;
    const undone = await send<{ result: 'cancelled' | 'reversed' }>(browser, { type: 'undo', outboxId });
    ledger.write({
      kind: 'undo',
      site: site.name,
      at: Date.now(),
      commentId: typing.commentId,
      outboxId,
      of: line,
      within: 'window',
      result: undone.ok ? undone.value.result : null,
      refused: undone.ok ? null : undone.error.code,
    });
  };

  return {
    async step() {
      const typing = plan();
      await saveAgain();
      if (!typing) return;
      await type(typing, false);
      const content = typing.saves.at(-1);
      if (typing.afterwards !== 'keep' && !typing.clear && content !== undefined) await sendDraft(typing, content);
    },
    async alongsideFault() {
      const typing = plan();
      if (typing) await type(typing, true).catch(() => undefined);
    },
    saveAgain,
  };
}
