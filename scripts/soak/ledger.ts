/**
 * The soak's ledger: every decision, undo, change by the other moderator and fault, one JSON line
 * each in test-results/soak/<seed>-<time>.jsonl, and in memory for the oracle.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DraftKind, RequestedDecision } from '../../src/shared/moderation.ts';
import type { Via } from './ui-plan.ts';

export type LedgerLine =
  | {
      kind: 'decide';
      /** which of the soak's sites (sites.ts: `bridge` or `plain`) */
      site: string;
      at: number;
      commentId: number;
      decision: RequestedDecision;
      /** the cached status right before (the outbox row's previousStatus) */
      statusBefore: string;
      content: string | null;
      outboxIds: number[];
      /** null: the extension took it; else its error code (the decision was refused, nothing stored) */
      refused: string | null;
      /** how it was made (absent in ledgers from before the UI share: the extension's messages) */
      via?: Via;
      /** the UI did something else than asked (another comment decided, or another decision): a failure */
      uiMismatch?: string;
    }
  | {
      /** a UI action that could not be done (the row or card was not there): nothing was decided */
      kind: 'ui-skipped';
      site: string;
      at: number;
      commentId: number;
      decision: RequestedDecision;
      via: Via;
      reason: string;
    }
  | {
      kind: 'undo';
      site: string;
      at: number;
      commentId: number;
      outboxId: number;
      /** which decision (the index of its decide line) */
      of: number;
      within: 'window' | 'after';
      result: 'cancelled' | 'reversed' | null;
      refused: string | null;
      via?: Via;
    }
  | {
      kind: 'moderator';
      site: string;
      at: number;
      answeredAt: number;
      commentId: number;
      status: string;
      result: string | null;
    }
  | {
      /** one save of a reply or edit draft as the user types it (the `saveDraft` message) */
      kind: 'draft';
      site: string;
      at: number;
      commentId: number;
      draftKind: DraftKind;
      /** the box's whole text at this save ('' clears the draft) */
      content: string;
      /** what the extension answered (false: the empty draft was deleted); null: no answer (or refused) */
      saved: boolean | null;
      /** the extension's error code when it refused the save; null otherwise */
      refused: string | null;
      /** typed while a fault was being injected (the save raced the fault) */
      alongsideFault: boolean;
    }
  | {
      kind: 'job';
      site: string;
      at: number;
      /** preview, start <action> of <n> <status>, pause, resume, cancel, undo of job <id> */
      action: string;
      jobId: number | null;
      /** undo: the finished job it takes back */
      undoOf?: number;
      /** the job's state as the extension answered, or its error code */
      result: string | null;
      note?: string;
    }
  | { kind: 'fault'; at: number; fault: string; until: number | null; site?: string; note?: string };

export interface Ledger {
  file: string;
  lines: LedgerLine[];
  /** appends a line; returns its index */
  write(line: LedgerLine): number;
}

export function openLedger(seed: number): Ledger {
  const dir = resolve('test-results/soak');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${seed}-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
  const lines: LedgerLine[] = [];
  return {
    file,
    lines,
    write(line) {
      lines.push(line);
      appendFileSync(file, `${JSON.stringify(line)}\n`);
      return lines.length - 1;
    },
  };
}
