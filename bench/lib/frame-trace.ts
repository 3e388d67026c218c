/**
 * The heaviest task of a traced span in a page, split into what the browser did in it: style,
 * layout, pre-paint, paint and the rest (`BENCH_TRACE=1 npm run bench:content`). A long task at an
 * article's load that no script of ours ran in is the browser's rendering work; this says which
 * part, and the same for the bench's control that moves the thread once.
 */
import type { Browser, Page } from 'playwright-core';
import { median } from './stats.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { beginData?: { dirtyObjects?: number; totalObjects?: number } };
}

export interface FrameCost {
  totalMs: number;
  /** ms per rendering step inside the task */
  parts: Record<string, number>;
  /** layout objects laid out, of all */
  laidOut: string;
}

const steps = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'FunctionCall'];
const stepNames: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layers',
  Commit: 'commit',
  FunctionCall: 'scripts',
};

/** Runs `work` traced and answers its heaviest task (null when the trace had none). */
export async function heaviestTask(browser: Browser, page: Page, work: () => Promise<void>): Promise<FrameCost | null> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await work();
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const task = events
    .filter((event) => event.name === 'RunTask' && event.ph === 'X')
    .reduce<TraceEvent | null>((most, event) => ((event.dur ?? 0) > (most?.dur ?? 0) ? event : most), null);
  if (!task?.dur) return null;
  const end = task.ts + task.dur;
  const parts: Record<string, number> = {};
  let laidOut = '';
  for (const event of events) {
    if (event.tid !== task.tid || event.ph !== 'X' || event.ts < task.ts || event.ts + (event.dur ?? 0) > end) continue;
    if (!steps.includes(event.name)) continue;
    const name = stepNames[event.name] ?? event.name;
    parts[name] = (parts[name] ?? 0) + (event.dur ?? 0) / 1000;
    const data = event.args?.beginData;
    if (event.name === 'Layout' && data) laidOut = `${data.dirtyObjects ?? '?'} of ${data.totalObjects ?? '?'}`;
  }
  return { totalMs: task.dur / 1000, parts, laidOut };
}

/** Medians of the heaviest tasks, with the browser's steps in them. */
export function describeTasks(costs: readonly FrameCost[]): string {
  if (costs.length === 0) return 'no task traced';
  const names = [...new Set(costs.flatMap((cost) => Object.keys(cost.parts)))];
  const split = names
    .map((name) => [name, median(costs.map((cost) => cost.parts[name] ?? 0))] as const)
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
    .join(', ');
  return `${median(costs.map((cost) => cost.totalMs)).toFixed(0)} ms (${split}; layout objects laid out ${costs[0]?.laidOut || 'none'})`;
}
