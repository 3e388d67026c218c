/** The soak's figures, per site and in total, printed and returned for the summary file next to the ledger. */
import type { DraftVerdict } from './draft-oracle.ts';
import type { FaultKind } from './faults.ts';
import type { JobVerdict } from './job-oracle.ts';
import type { Ledger, LedgerLine } from './ledger.ts';
import type { Verdict } from './oracle.ts';
import type { Via } from './ui-plan.ts';

/** A site's decisions' verdict with its jobs' and drafts' failures added to the same figures. */
type SiteVerdict = Verdict & { draftsLost: string[] };

/** What must be 0 in every run, by the name the summary gives it. */
const failures = {
  lost: (verdict: Verdict) => verdict.lost,
  doubled: (verdict: Verdict) => verdict.doubled,
  stuck: (verdict: Verdict) => verdict.stuck,
  unexplained: (verdict: Verdict) => verdict.unexplained,
  'commenter data lost': (verdict: Verdict) => verdict.commenterDataLost,
  'back in queue': (verdict: Verdict) => verdict.backInQueue,
  'cache differs': (verdict: Verdict) => verdict.cacheDiffers,
  'drafts lost': (verdict: SiteVerdict) => verdict.draftsLost,
} as const;
type Failure = keyof typeof failures;

export interface SiteFigures {
  site: string;
  decisions: number;
  undos: number;
  moderatorChanges: number;
  counts: Record<Failure, number>;
  verdict: SiteVerdict;
  jobs: JobVerdict;
  drafts: DraftVerdict;
}

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
  backInQueue: number;
  cacheDiffers: number;
  draftsLost: number;
  quietSeconds: number;
  /** decisions by how they were made; UI actions skipped (nothing there to act on) and gone wrong */
  byVia: Record<Via, ViaFigures>;
  clean: boolean;
  ledger: string;
  sites: SiteFigures[];
}

export interface ViaFigures {
  /** decisions the extension took (as the oracle counts them) */
  decisions: number;
  undos: number;
  skipped: number;
  /** the UI did something else than asked (the oracle counts each as unexplained) */
  wrong: number;
  /** why UI actions were skipped, most frequent first */
  skipReasons: [string, number][];
}

/** The ledger's decisions and undos by `via` (lines from before the UI share went by message). */
export function decisionsByVia(lines: readonly LedgerLine[]): Record<Via, ViaFigures> {
  const figures = (): ViaFigures => ({ decisions: 0, undos: 0, skipped: 0, wrong: 0, skipReasons: [] });
  const byVia: Record<Via, ViaFigures> = { message: figures(), 'popup-keys': figures(), 'article-click': figures() };
  const reasons = new Map<Via, Map<string, number>>();
  for (const line of lines) {
    if (line.kind === 'decide' && line.refused === null) {
      const via = byVia[line.via ?? 'message'];
      if (line.uiMismatch) via.wrong += 1;
      else via.decisions += 1;
    } else if (line.kind === 'undo' && line.result !== null) byVia[line.via ?? 'message'].undos += 1;
    else if (line.kind === 'ui-skipped') {
      byVia[line.via].skipped += 1;
      const counted = reasons.get(line.via) ?? new Map<string, number>();
      // The reason without its details (an error's message): a few kinds to print.
      const reason = line.reason.split(':')[0] as string;
      counted.set(reason, (counted.get(reason) ?? 0) + 1);
      reasons.set(line.via, counted);
    }
  }
  for (const [via, counted] of reasons) byVia[via].skipReasons = [...counted].sort((a, b) => b[1] - a[1]);
  return byVia;
}

function viaText(byVia: Record<Via, ViaFigures>): string {
  return (Object.entries(byVia) as [Via, ViaFigures][])
    .map(([via, figures]) => {
      if (via === 'message') return `message ${figures.decisions} (undos ${figures.undos})`;
      const reasons = figures.skipReasons.map(([reason, count]) => `${reason} ${count}`).join(', ');
      const skipped = `skipped ${figures.skipped}${reasons ? ` — ${reasons}` : ''}`;
      return `${via} ${figures.decisions} (undos ${figures.undos}, ${skipped}, wrong ${figures.wrong})`;
    })
    .join('; ');
}

const counts = (verdict: SiteVerdict) =>
  Object.fromEntries(Object.entries(failures).map(([name, list]) => [name, list(verdict).length])) as Record<
    Failure,
    number
  >;

const countsText = (figures: Record<Failure, number>) =>
  (Object.keys(failures) as Failure[]).map((name) => `${name} ${figures[name]}`).join(' · ');

export function report(input: {
  seed: number;
  seconds: number;
  comments: number;
  verdicts: { site: string; verdict: Verdict; jobs: JobVerdict; drafts: DraftVerdict }[];
  faults: Map<FaultKind, number>;
  quietMs: number;
  driverErrors: number;
  ledger: Ledger;
}): SoakSummary {
  const sites: SiteFigures[] = input.verdicts.map(({ site, verdict: decisions, jobs, drafts }) => {
    // A job's comment changed twice, or not at all though reported done, or a job that never ended: the same failures.
    const verdict = {
      ...decisions,
      doubled: [...decisions.doubled, ...jobs.doubled.map((line) => `job ${line}`)],
      lost: [...decisions.lost, ...jobs.lost.map((line) => `job ${line}`), ...jobs.undoneWrong],
      stuck: [...decisions.stuck, ...jobs.stuck],
      unexplained: [...decisions.unexplained, ...jobs.reportWrong, ...drafts.unexplained],
      draftsLost: drafts.lost,
    };
    return {
      site,
      decisions: verdict.decisions,
      undos: verdict.undos,
      moderatorChanges: verdict.moderatorChanges,
      counts: counts(verdict),
      verdict,
      jobs,
      drafts,
    };
  });
  const sum = (pick: (site: SiteFigures) => number) => sites.reduce((total, site) => total + pick(site), 0);
  const total = Object.fromEntries(
    (Object.keys(failures) as Failure[]).map((name) => [name, sum((site) => site.counts[name])]),
  ) as Record<Failure, number>;
  const faults = Object.fromEntries([...input.faults].sort(([a], [b]) => a.localeCompare(b)));
  const summary: SoakSummary = {
    seed: input.seed,
    seconds: input.seconds,
    comments: input.comments,
    decisions: sum((site) => site.decisions),
    undos: sum((site) => site.undos),
    moderatorChanges: sum((site) => site.moderatorChanges),
    faults,
    lost: total.lost,
    doubled: total.doubled,
    stuck: total.stuck,
    unexplained: total.unexplained,
    commenterDataLost: total['commenter data lost'],
    backInQueue: total['back in queue'],
    cacheDiffers: total['cache differs'],
    draftsLost: total['drafts lost'],
    quietSeconds: Math.round(input.quietMs / 100) / 10,
    byVia: decisionsByVia(input.ledger.lines),
    clean: Object.values(total).every((count) => count === 0),
    ledger: input.ledger.file,
    sites,
  };
  const faultText = Object.entries(faults)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const faultTotal = Object.values(faults).reduce((all, count) => all + count, 0);
  console.log(`\nsoak seed ${summary.seed}: ${summary.seconds} s, ${summary.comments} pending comments`);
  console.log(
    `decisions made: ${summary.decisions} (undos ${summary.undos}); other moderator: ${summary.moderatorChanges} changes`,
  );
  console.log(`decisions by how they were made: ${viaText(summary.byVia)}`);
  console.log(`faults injected: ${faultTotal} (${faultText || 'none'})`);
  // The smoke (test/e2e/soak-smoke.test.ts) reads this line: the totals over both sites, first.
  console.log(countsText(total));
  for (const site of sites) {
    const { verdict } = site;
    console.log(
      `  site ${site.site}: decisions ${site.decisions} (undos ${site.undos}), other moderator ${site.moderatorChanges}; ${countsText(site.counts).replaceAll(' · ', ', ')}`,
    );
    console.log(
      `    cache compared with WordPress after the final sync: ${verdict.cacheCompared} comments (${verdict.cacheUnchecked} left out: decided too lately or still open); bulk jobs: ${site.jobs.jobs} (comments done ${site.jobs.done}, skipped ${site.jobs.skipped}, failed ${site.jobs.failed}), ${site.jobs.undos} undone (${site.jobs.undoneComments} comments back, ${site.jobs.undoLeftToModerator} left where the other moderator moved them)`,
    );
    console.log(
      `    drafts: ${site.drafts.saved} saves (${site.drafts.savedAlongsideFaults} alongside a fault, ${site.drafts.unanswered} unanswered or refused and saved again), ${site.drafts.ended} ended by a reply or edit sent, ${site.drafts.givenBack} given back by an undo; ${site.drafts.checked} drafts checked against the table`,
    );
    console.log(
      `    overwritten later by the other moderator: ${verdict.overwrittenByModerator.told} told, ${verdict.overwrittenByModerator.notTold} not told; a lost answer's retry overwrote the other moderator: ${verdict.retryOverModerator} (of them, an undo put back the other moderator's status: ${verdict.undoRestoredModerator}); refused by WordPress and shown: ${verdict.refusedAndTold}; waiting behind a shown conflict or failure: ${verdict.heldBehindShownFailure.length}`,
    );
  }
  console.log(
    `time to quiet after the last fault: ${summary.quietSeconds.toFixed(1)} s; driver errors: ${input.driverErrors}`,
  );
  for (const site of sites)
    for (const name of Object.keys(failures) as Failure[])
      for (const line of failures[name](site.verdict).slice(0, 20)) console.log(`  ${site.site} ${name}: ${line}`);
  console.log(`ledger: ${summary.ledger}`);
  console.log(summary.clean ? 'soak: clean' : `soak: NOT clean — replay with SOAK_SEED=${summary.seed}`);
  return summary;
}
