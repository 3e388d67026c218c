/**
 * The goals the benchmarks print their figures against, in one table: a goal that changes changes
 * here, and every bench says the same. Reported, never asserted (a bench run on a busy machine is
 * not a verdict). `source`: where the goal was set.
 */
export interface Budget {
  /** what is measured, in the words the bench prints */
  what: string;
  /** the figure must stay at or below this */
  atMost: number;
  /** printed after the number ('' for a ratio or a count) */
  unit: string;
  source: string;
}

export const budgets = {
  detectMedianMs: { what: 'detectPage, 1,000-comment article, median', atMost: 5, unit: ' ms', source: 'issue 5' },
  detectPlainMs: { what: 'detectPage, a page that is not WordPress', atMost: 1, unit: ' ms', source: 'issue 5' },
  detectBundleKb: { what: 'detector with messaging, gzip', atMost: 10, unit: ' kB', source: 'issue 5' },
  inlineLoadMs: { what: 'synchronous work at load (detect + start)', atMost: 16, unit: ' ms', source: 'issue 5' },
  popupFirstPaintMs: { what: 'popup first contentful paint', atMost: 100, unit: ' ms', source: 'issue 6' },
  popupFirstRowsMs: { what: 'popup first rows after first paint', atMost: 50, unit: ' ms', source: 'issue 6' },
  popupHoldLongTasks: { what: 'long tasks > 50 ms while j is held', atMost: 0, unit: '', source: 'issue 6' },
  popupBundleKb: { what: 'popup JavaScript, gzip', atMost: 80, unit: ' kB', source: 'issue 6' },
  popupVsWpAdmin: { what: 'popup / wp-admin, by keyboard', atMost: 0.4, unit: '', source: 'issue 14 (6: 0.5)' },
  syncVsServer: { what: "initial sync / server's own time", atMost: 1.1, unit: '', source: 'issue 4' },
  flushVsSequential: { what: 'flush / sequential requests', atMost: 0.5, unit: '', source: 'issue 4' },
  syncInWorkerVsServer: { what: "initial sync in the worker / server's time", atMost: 1, unit: '', source: 'issue 14' },
  flushInWorkerVsSequential: { what: 'flush in the worker / sequential', atMost: 0.5, unit: '', source: 'issue 14' },
  floodBridgeVsWpAdmin: { what: 'flood trashed: Bridge job / wp-admin bulk', atMost: 1, unit: '', source: 'issue 12' },
  approvalsBridgeVsWpAdmin: {
    what: '500 approvals: Bridge job / wp-admin bulk',
    atMost: 2,
    unit: '',
    source: 'issue 12',
  },
  singlesVsCurl: { what: 'REST singles job / curl, same concurrency', atMost: 1.2, unit: '', source: 'issue 12' },
  jobPopupLongTasks: {
    what: 'long tasks > 100 ms in the open popup during a job',
    atMost: 0,
    unit: '',
    source: 'issue 12',
  },
  jobWorkerHeapMib: { what: 'service worker JS heap during a job, peak', atMost: 32, unit: ' MiB', source: 'issue 12' },
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof budgets;

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, ''));

/**
 * `goal ≤ 5 ms`, and with the measured figure whether it was met: `goal ≤ 5 ms, met` / `goal ≤ 5 ms, missed`.
 * A goal of 0 reads `goal: none`.
 */
export function goal(name: BudgetName, measured?: number): string {
  const budget: Budget = budgets[name];
  const text = budget.atMost === 0 ? 'goal: none' : `goal ≤ ${number(budget.atMost)}${budget.unit}`;
  if (measured === undefined || Number.isNaN(measured)) return text;
  return `${text}, ${measured <= budget.atMost ? 'met' : 'missed'}`;
}
