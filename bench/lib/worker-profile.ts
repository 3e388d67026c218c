/**
 * A CPU profile of the extension's service worker (DevTools `Profiler`) and its requests
 * (`Network` events) while a phase runs: where the worker's own time goes — the functions with the
 * most self time — and how many requests it had on the wire. The profile is written as a
 * `.cpuprofile` file (open it in Chromium's DevTools, Performance panel).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExtensionBrowser } from '../../scripts/extension-browser.ts';
import { serviceWorkerSession } from '../../scripts/extension-worker.ts';
import { chromiumProcess, cpuDelta, describeCpu, processCpu } from './process-cpu.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface WorkerProfile {
  file: string;
  /** milliseconds the profile covered, and how many of them the worker's thread was busy */
  wallMs: number;
  busyMs: number;
  /** the functions with the most self time, heaviest first */
  top: { name: string; selfMs: number }[];
  requests: number;
  /** the requests by method, route and the names of the query's parameters (no ids, no values), most first */
  routes: [string, number][];
  /** the average and the highest number of requests on the wire at once */
  averageInFlight: number;
  maxInFlight: number;
  /** ms with no request on the wire: before the first, between requests, after the last (to the profile's end) */
  wireIdleMs: { before: number; between: number; after: number };
  /** CPU milliseconds Chromium's processes used meanwhile, by process type (browser, renderer, utility…) */
  chromiumCpuMs: Record<string, number>;
}

/** CPU time (ms) of the processes of the Chromium whose profile is `userDataDir`, by `--type`. */
const chromiumCpu = (userDataDir: string) => processCpu(chromiumProcess(userDataDir));

const idle = new Set(['(idle)', '(program)']);

function selfTimes(profile: Profile): Map<string, number> {
  const names = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? ` ${basename(url)}:${lineNumber + 1}` : '';
    names.set(node.id, `${functionName || '(anonymous)'}${where}`);
  }
  const times = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, index) => {
    // The time up to the next sample belongs to this one.
    const ms = (deltas[index + 1] ?? 0) / 1000;
    const name = names.get(id) ?? '?';
    times.set(name, (times.get(name) ?? 0) + ms);
  });
  return times;
}

/** Starts profiling the worker; `stop` writes `<dir>/<name>.cpuprofile` and answers the summary. */
export async function profileWorker(
  browser: ExtensionBrowser,
  dir: string,
  name: string,
): Promise<{ stop(): Promise<WorkerProfile> }> {
  const session = await serviceWorkerSession(browser);
  const started = new Map<string, number>();
  const spans: [number, number][] = [];
  const routes = new Map<string, number>();
  session.on('Network.requestWillBeSent', (event) => {
    started.set(String(event.requestId), Number(event.timestamp));
    const request = event.request as { method?: string; url?: string } | undefined;
    const url = new URL(request?.url ?? 'about:blank');
    const rest = url.searchParams.get('rest_route');
    const asked = [...url.searchParams.keys()].filter((name) => name !== 'rest_route' && name !== '_fields');
    const route = `${request?.method ?? '?'} ${(rest ?? url.pathname).replace(/\/\d+/g, '/N')}${asked.length > 0 ? `?${asked.sort().join('&')}` : ''}`;
    routes.set(route, (routes.get(route) ?? 0) + 1);
  });
  const ended = (event: Record<string, unknown>) => {
    const from = started.get(String(event.requestId));
    if (from !== undefined) spans.push([from, Number(event.timestamp)]);
    started.delete(String(event.requestId));
  };
  session.on('Network.loadingFinished', ended);
  session.on('Network.loadingFailed', ended);
  await session.call('Network.enable');
  await session.call('Profiler.enable');
  await session.call('Profiler.setSamplingInterval', { interval: 500 });
  await session.call('Profiler.start');
  const cpuBefore = chromiumCpu(browser.userDataDir);
  return {
    async stop() {
      try {
        const { profile } = await session.call<{ profile: Profile }>('Profiler.stop');
        const cpuAfter = chromiumCpu(browser.userDataDir);
        const chromiumCpuMs = cpuDelta(cpuBefore, cpuAfter);
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `${name}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        const times = selfTimes(profile);
        const wallMs = (profile.endTime - profile.startTime) / 1000;
        const busyMs = [...times].filter(([fn]) => !idle.has(fn)).reduce((sum, [, ms]) => sum + ms, 0);
        const top = [...times]
          .filter(([fn]) => fn !== '(idle)')
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([fn, selfMs]) => ({ name: fn, selfMs }));
        // Requests on the wire: +1 at each start, -1 at each end, in time order.
        const edges = spans.flatMap(([from, to]) => [
          [from, 1],
          [to, -1],
        ]);
        edges.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
        let onWire = 0;
        let maxInFlight = 0;
        let emptySince: number | null = null;
        let between = 0;
        for (const [at, step] of edges) {
          if (onWire === 0 && emptySince !== null) between += (at ?? 0) - emptySince;
          onWire += step ?? 0;
          maxInFlight = Math.max(maxInFlight, onWire);
          emptySince = onWire === 0 ? (at ?? 0) : null;
        }
        const wireSeconds = spans.reduce((sum, [from, to]) => sum + (to - from), 0);
        const first = Math.min(...spans.map(([from]) => from));
        const last = Math.max(...spans.map(([, to]) => to));
        return {
          file,
          wallMs,
          busyMs,
          top,
          requests: spans.length,
          routes: [...routes].sort((a, b) => b[1] - a[1]),
          averageInFlight: spans.length > 0 ? wireSeconds / (last - first) : 0,
          maxInFlight,
          // Network timestamps are seconds, the profile's microseconds, on the same monotonic clock.
          wireIdleMs:
            spans.length === 0
              ? { before: wallMs, between: 0, after: 0 }
              : {
                  before: (first - profile.startTime / 1e6) * 1000,
                  between: between * 1000,
                  after: (profile.endTime / 1e6 - last) * 1000,
                },
          chromiumCpuMs,
        };
      } finally {
        await session.call('Network.disable').catch(() => undefined);
        await session.close();
      }
    },
  };
}

/** The summary as a few lines for the bench's output. */
export function describeProfile(profile: WorkerProfile): string {
  const lines = [
    `  worker CPU profile ${profile.file}: busy ${(profile.busyMs / 1000).toFixed(2)} s of ${(profile.wallMs / 1000).toFixed(2)} s; ` +
      `${profile.requests} requests, ${profile.averageInFlight.toFixed(2)} on the wire on average (at most ${profile.maxInFlight}); ` +
      `none on the wire ${profile.wireIdleMs.before.toFixed(0)} ms before the first, ${profile.wireIdleMs.between.toFixed(0)} ms between, ${profile.wireIdleMs.after.toFixed(0)} ms after the last`,
    `  requests: ${profile.routes.map(([route, count]) => `${count} ${route}`).join(', ')}`,
    `  Chromium's processes used CPU: ${describeCpu(profile.chromiumCpuMs, 0)}`,
    '  most self time:',
    ...profile.top.map((entry) => `    ${entry.selfMs.toFixed(0).padStart(6)} ms  ${entry.name}`),
  ];
  return lines.join('\n');
}
