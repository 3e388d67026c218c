/**
 * The fault scheduler: seeded, one fault at a time, each logged in the ledger. The proxy's faults
 * last a few seconds (every request of the extension meets them, reads and writes alike); a stopped
 * service worker and a Chromium killed with SIGKILL are instants (the browser comes back on the
 * same profile at once).
 */
import type { Fault, FaultProxy } from '../../test/support/fault-proxy-server.ts';
import { killAndRelaunch, type SoakBrowser, stopWorker } from './browser.ts';
import type { Ledger } from './ledger.ts';
import type { Random } from './random.ts';

/** Every kind the soak injects (the rest of issue 13's list is not here yet: see ADR 029). */
export const faultWeights = {
  drop: 2,
  hang: 2,
  'status-500': 2,
  'status-503': 2,
  'rate-limit': 2,
  'truncate-length': 2,
  'truncate-chunked': 2,
  html: 2,
  'worker-stop': 3,
  'browser-kill': 1,
} as const;
export type FaultKind = keyof typeof faultWeights;

export interface FaultScheduler {
  /** a new fault is due (none is running) */
  due(now: number): boolean;
  /** starts the next fault, or ends the running one when its time is up */
  tick(now: number): Promise<void>;
  /** ends whatever runs */
  stop(): void;
  /** when the last fault ended (null: none yet) */
  lastEndedAt(): number | null;
  counts(): Map<FaultKind, number>;
}

export function createFaultScheduler(
  proxy: FaultProxy,
  browser: SoakBrowser,
  ledger: Ledger,
  random: Random,
  { gapMs }: { gapMs: [number, number] },
): FaultScheduler {
  const counts = new Map<FaultKind, number>();
  let runningUntil: number | null = null;
  let nextAt = Date.now() + random.int(...gapMs);
  let lastEnded: number | null = null;

  const end = (now: number) => {
    proxy.fault = 'none';
    runningUntil = null;
    lastEnded = now;
    nextAt = now + random.int(...gapMs);
  };

  return {
    due: (now) => runningUntil === null && now >= nextAt,
    async tick(now) {
      if (runningUntil !== null) {
        if (now >= runningUntil) end(now);
        return;
      }
      if (now < nextAt) return;
      const kind = random.weighted(faultWeights);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (kind === 'worker-stop' || kind === 'browser-kill') {
        const line = ledger.write({ kind: 'fault', at: now, fault: kind, until: null });
        try {
          if (kind === 'worker-stop') await stopWorker(browser);
          else await killAndRelaunch(browser);
        } catch (error) {
          // A worker already asleep has nothing to stop: logged, not fatal.
          const entry = ledger.lines[line];
          if (entry?.kind === 'fault') ledger.write({ ...entry, at: Date.now(), note: String(error).slice(0, 200) });
        }
        end(Date.now());
        return;
      }
      runningUntil = now + random.int(2_000, 8_000);
      proxy.fault = kind as Fault;
      ledger.write({ kind: 'fault', at: now, fault: kind, until: runningUntil });
    },
    stop() {
      if (runningUntil !== null) end(Date.now());
    },
    lastEndedAt: () => lastEnded,
    counts: () => counts,
  };
}
