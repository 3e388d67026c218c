/**
 * A Chromium trace (DevTools `Tracing` over the browser session) while a phase runs, summed where
 * the CPU goes outside the page's and the worker's JavaScript: each process's threads, and on each
 * the top-level tasks by the code that posted them (`toplevel` events carry `src_file`/`src_func`).
 * That names what Chromium's browser process does for the extension — IndexedDB's backend, the
 * messages between contexts, the network — which a JavaScript profile cannot see. The trace is
 * written as JSON (open it in Perfetto or DevTools' Performance panel).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { chromiumProcess, cpuDelta, describeCpu, threadCpu } from './process-cpu.ts';

interface TraceEvent {
  pid: number;
  tid: number;
  ph: string;
  name: string;
  ts?: number;
  cat?: string;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    src_file?: string;
    src_func?: string;
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
    [key: string]: unknown;
  };
}

export interface TraceSummary {
  file: string;
  /** CPU ms each thread of Chromium's processes used meanwhile (from /proc), by "process / thread" */
  threadCpuMs: Record<string, number>;
  /** per process and thread, CPU ms of its top-level tasks (thread time where known) */
  threads: { process: string; thread: string; cpuMs: number; tasks: number }[];
  /** the posted-from sites with the most CPU, per process */
  top: { process: string; thread: string; where: string; cpuMs: number; tasks: number }[];
}

const categories = (
  process.env.BENCH_TRACE_CATEGORIES ??
  'toplevel,disabled-by-default-devtools.timeline,ipc,mojom,IndexedDB,ServiceWorker'
).split(',');

/** Starts tracing the whole browser; `stop` writes `<dir>/<name>.trace.json` and answers the summary. */
export async function traceChromium(
  context: BrowserContext,
  userDataDir: string,
  dir: string,
  name: string,
): Promise<{ stop(): Promise<TraceSummary> }> {
  const threadsBefore = threadCpu(chromiumProcess(userDataDir));
  const cdp = await context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('traceChromium: no browser session');
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: categories, enableArgumentFilter: false },
  });
  return {
    async stop() {
      const threadsAfter = threadCpu(chromiumProcess(userDataDir));
      const threadCpuMs = cpuDelta(threadsBefore, threadsAfter);
      const done = new Promise<string>((resolve) =>
        cdp.once('Tracing.tracingComplete', (event) => resolve(String(event.stream))),
      );
      await cdp.send('Tracing.end');
      const handle = await done;
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle });
      await cdp.detach();
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${name}.trace.json`);
      writeFileSync(file, text);
      const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      return { file, threadCpuMs, ...summarize(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])) };
    },
  };
}

/** Adds one task of `ms` to the sum kept under `key`. */
function tally(sums: Map<string, { cpuMs: number; tasks: number }>, key: string, ms: number): void {
  const sum = sums.get(key) ?? { cpuMs: 0, tasks: 0 };
  sum.cpuMs += ms;
  sum.tasks += 1;
  sums.set(key, sum);
}

function summarize(events: readonly TraceEvent[]): Omit<TraceSummary, 'file' | 'threadCpuMs'> {
  const processes = new Map<number, string>();
  const threads = new Map<string, string>();
  for (const event of events) {
    if (event.ph !== 'M') continue;
    if (event.name === 'process_name') processes.set(event.pid, String(event.args?.name ?? event.pid));
    if (event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, String(event.args?.name ?? event.tid));
  }
  const byThread = new Map<string, { cpuMs: number; tasks: number }>();
  const bySite = new Map<string, { cpuMs: number; tasks: number }>();
  // Top-level events nest (a watcher's task around the message it dispatches): only the outermost count.
  const tasks = events
    .filter((event) => event.ph === 'X' && event.cat?.split(',').includes('toplevel'))
    .sort((a, b) => a.pid - b.pid || a.tid - b.tid || (a.ts ?? 0) - (b.ts ?? 0));
  let outer: TraceEvent | undefined;
  for (const event of tasks) {
    const inside =
      outer !== undefined &&
      outer.pid === event.pid &&
      outer.tid === event.tid &&
      (event.ts ?? 0) < (outer.ts ?? 0) + (outer.dur ?? 0);
    if (inside) continue;
    outer = event;
    const ms = (event.tdur ?? event.dur ?? 0) / 1000;
    const process = processes.get(event.pid) ?? String(event.pid);
    const thread = threads.get(`${event.pid}:${event.tid}`) ?? String(event.tid);
    const threadKey = `${process}\u0000${thread}`;
    tally(byThread, threadKey, ms);
    const mojo = event.args?.chrome_mojo_event_info?.mojo_interface_tag;
    const where = event.args?.src_func
      ? `${event.args.src_func} (${event.args.src_file ?? '?'})`
      : mojo
        ? `${event.name}: ${mojo}`
        : event.name;
    tally(bySite, `${threadKey}\u0000${where}`, ms);
  }
  const split = (key: string) => key.split('\u0000') as [string, string, string];
  return {
    threads: [...byThread]
      .map(([key, sum]) => ({ process: split(key)[0], thread: split(key)[1], ...sum }))
      .sort((a, b) => b.cpuMs - a.cpuMs),
    top: [...bySite]
      .map(([key, sum]) => ({ process: split(key)[0], thread: split(key)[1], where: split(key)[2], ...sum }))
      .sort((a, b) => b.cpuMs - a.cpuMs)
      .slice(0, 25),
  };
}

export function describeTrace(trace: TraceSummary): string {
  const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
  return [
    `  Chromium's threads used CPU (from /proc): ${describeCpu(trace.threadCpuMs)}`,
    `  trace ${trace.file}; top-level tasks' CPU by thread:`,
    ...trace.threads
      .slice(0, 12)
      .map((row) => `  ${ms(row.cpuMs)}  ${row.process} / ${row.thread} (${row.tasks} tasks)`),
    '  by the code that posted them:',
    ...trace.top.map((row) => `  ${ms(row.cpuMs)}  ${row.process} / ${row.thread}: ${row.where} (${row.tasks})`),
  ].join('\n');
}
