/** The soak's figures, printed and returned for the summary file next to the ledger. */
import type { FaultKind } from './faults.ts';
import type { Ledger } from './ledger.ts';
import type { Verdict } from './oracle.ts';

export interface SoakSummary {
  seed: number;
  seconds: number;
  comments: number;
  decisions: number;
  undos: number;
  moderatorChanges: number;
  faults: Record<string, number>;
  lost: number;
  doubled: number;
  stuck: number;
  unexplained: number;
  commenterDataLost: number;
  quietSeconds: number;
  clean: boolean;
  ledger: string;
  verdict: Verdict;
}

export function report(input: {
  seed: number;
  seconds: number;
  comments: number;
  verdict: Verdict;
  faults: Map<FaultKind, number>;
  quietMs: number;
  driverErrors: number;
  ledger: Ledger;
}): SoakSummary {
  const { verdict } = input;
  const faults = Object.fromEntries([...input.faults].sort(([a], [b]) => a.localeCompare(b)));
  const summary: SoakSummary = {
    seed: input.seed,
    seconds: input.seconds,
    comments: input.comments,
    decisions: verdict.decisions,
    undos: verdict.undos,
    moderatorChanges: verdict.moderatorChanges,
    faults,
    lost: verdict.lost.length,
    doubled: verdict.doubled.length,
    stuck: verdict.stuck.length,
    unexplained: verdict.unexplained.length,
    commenterDataLost: verdict.commenterDataLost.length,
    quietSeconds: Math.round(input.quietMs / 100) / 10,
    clean:
      verdict.lost.length +
        verdict.doubled.length +
        verdict.stuck.length +
        verdict.unexplained.length +
        verdict.commenterDataLost.length ===
      0,
    ledger: input.ledger.file,
    verdict,
  };
  const faultText = Object.entries(faults)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const total = Object.values(faults).reduce((sum, count) => sum + count, 0);
  console.log(`\nsoak seed ${summary.seed}: ${summary.seconds} s, ${summary.comments} pending comments`);
  console.log(
    `decisions made: ${summary.decisions} (undos ${summary.undos}); other moderator: ${summary.moderatorChanges} changes`,
  );
  console.log(`faults injected: ${total} (${faultText || 'none'})`);
  console.log(
    `lost ${summary.lost} · doubled ${summary.doubled} · stuck ${summary.stuck} · unexplained ${summary.unexplained} · commenter data lost ${summary.commenterDataLost}`,
  );
  console.log(
    `overwritten later by the other moderator: ${verdict.overwrittenByModerator.told} told (conflict), ${verdict.overwrittenByModerator.notTold} not told; a lost answer's retry overwrote the other moderator: ${verdict.retryOverModerator} (of them, an undo put back the other moderator's status: ${verdict.undoRestoredModerator}); refused by WordPress and shown: ${verdict.refusedAndTold}; waiting behind a shown conflict or failure: ${verdict.heldBehindShownFailure.length}`,
  );
  console.log(
    `time to quiet after the last fault: ${summary.quietSeconds.toFixed(1)} s; driver errors: ${input.driverErrors}`,
  );
  for (const [what, list] of [
    ['lost', verdict.lost],
    ['doubled', verdict.doubled],
    ['stuck', verdict.stuck],
    ['unexplained', verdict.unexplained],
    ['commenter data lost', verdict.commenterDataLost],
  ] as const)
    for (const line of list.slice(0, 20)) console.log(`  ${what}: ${line}`);
  console.log(`ledger: ${summary.ledger}`);
  console.log(summary.clean ? 'soak: clean' : `soak: NOT clean — replay with SOAK_SEED=${summary.seed}`);
  return summary;
}
