/**
 * The fault scheduler: seeded, one fault at a time, each logged in the ledger. The proxy's faults
 * last a few seconds on one site (every request of the extension to it meets them, reads and writes
 * alike); offline closes every connection to both for longer; an expired sign-in lasts until the
 * user signs in again. A stopped service worker, the extension reloaded (an update), Chromium killed
 * with SIGKILL, PHP killed and MariaDB restarted are instants: the soak waits until they are back.
 */
import type { Fault } from '../../test/support/fault-proxy-server.ts';
import { killAndRelaunch, reloadExtension, type SoakBrowser, signInAgain, stopWorker } from './browser.ts';
import type { Ledger } from './ledger.ts';
import type { Random } from './random.ts';
import { renewApplicationPassword, type SoakSite } from './sites.ts';

/** Every kind the soak injects (issue 13's list; what is still missing: ADR 029). */
export const faultWeights = {
  drop: 2,
  hang: 2,
  'status-500': 2,
  'status-503': 2,
  'rate-limit': 2,
  'truncate-length': 2,
  'truncate-chunked': 2,
  html: 2,
  offline: 2,
  'worker-stop': 3,
  'extension-reload': 1,
  'browser-kill': 1,
  'php-kill': 1,
  'mariadb-restart': 1,
  'sign-in-expired': 1,
} as const;
export type FaultKind = keyof typeof faultWeights;

/** SOAK_FAULTS=offline,php-kill,… injects only these kinds (a failure's replay, one fault's check). */
export function chosenFaults(only: string | undefined): Partial<Record<FaultKind, number>> {
  if (!only) return faultWeights;
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(name in faultWeights));
  if (unknown.length > 0) throw new Error(`SOAK_FAULTS: no such fault ${unknown.join(', ')}`);
  return Object.fromEntries(Object.entries(faultWeights).filter(([name]) => names.includes(name)));
}

/** Faults that happen at once and are over when their action returns. */
const instants = new Set<FaultKind>(['worker-stop', 'extension-reload', 'browser-kill', 'php-kill', 'mariadb-restart']);

export interface FaultScheduler {
  /** a new fault is due (none is running) */
  due(now: number): boolean;
  /** starts the next fault, or ends the running one when its time is up */
  tick(now: number): Promise<void>;
  /** ends whatever runs */
  stop(): Promise<void>;
  /** when the last fault ended (null: none yet) */
  lastEndedAt(): number | null;
  counts(): Map<FaultKind, number>;
}

export function createFaultScheduler(
  sites: readonly SoakSite[],
  browser: SoakBrowser,
  ledger: Ledger,
  random: Random,
  { gapMs, weights = faultWeights }: { gapMs: [number, number]; weights?: Partial<Record<FaultKind, number>> },
): FaultScheduler {
  const counts = new Map<FaultKind, number>();
  let running: { until: number; kind: FaultKind; site: SoakSite | null } | null = null;
  let nextAt = Date.now() + random.int(...gapMs);
  let lastEnded: number | null = null;

  const instant = async (kind: FaultKind, site: SoakSite) => {
    if (kind === 'worker-stop') await stopWorker(browser);
    else if (kind === 'extension-reload') await reloadExtension(browser);
    else if (kind === 'browser-kill') await killAndRelaunch(browser);
    else if (kind === 'php-kill') await site.wp.restart('php');
    else await site.wp.restart('mariadb');
  };

  const end = async (now: number) => {
    for (const site of sites) site.proxy.fault = 'none';
    // The user notices the site asks for a sign-in and signs in again with the new password.
    const expired = running?.kind === 'sign-in-expired' ? running.site : null;
    if (expired) {
      await signInAgain(browser, expired).catch(async (error) => {
        ledger.write({
          kind: 'fault',
          at: now,
          fault: 'sign-in-again-failed',
          until: null,
          note: String(error).slice(0, 200),
        });
        await signInAgain(browser, expired);
      });
    }
    running = null;
    lastEnded = now;
    nextAt = now + random.int(...gapMs);
  };

  return {
    due: (now) => running === null && now >= nextAt,
    async tick(now) {
      if (running !== null) {
        if (now >= running.until) await end(now);
        return;
      }
      if (now < nextAt) return;
      const kind = random.weighted(weights as Record<FaultKind, number>);
      const site = random.pick(sites);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (instants.has(kind)) {
        const perSite = kind === 'php-kill' || kind === 'mariadb-restart';
        const line = ledger.write({
          kind: 'fault',
          at: now,
          fault: kind,
          until: null,
          ...(perSite ? { site: site.name } : {}),
        });
        try {
          await instant(kind, site);
        } catch (error) {
          // A worker already asleep has nothing to stop: logged, not fatal.
          const entry = ledger.lines[line];
          if (entry?.kind === 'fault') ledger.write({ ...entry, at: Date.now(), note: String(error).slice(0, 200) });
        }
        await end(Date.now());
        return;
      }
      const until =
        now + (kind === 'offline' || kind === 'sign-in-expired' ? random.int(8_000, 25_000) : random.int(2_000, 8_000));
      running = { until, kind, site: kind === 'offline' ? null : site };
      if (kind === 'offline') for (const one of sites) one.proxy.fault = 'refuse';
      else if (kind === 'sign-in-expired') {
        const revoked = await renewApplicationPassword(site).then(
          () => null,
          (error: unknown) => String(error).slice(0, 200),
        );
        if (revoked !== null)
          ledger.write({ kind: 'fault', at: now, fault: kind, until: null, site: site.name, note: revoked });
      } else site.proxy.fault = kind as Fault;
      ledger.write({ kind: 'fault', at: now, fault: kind, until, ...(running.site ? { site: site.name } : {}) });
    },
    async stop() {
      if (running !== null) await end(Date.now());
    },
    lastEndedAt: () => lastEnded,
    counts: () => counts,
  };
}
