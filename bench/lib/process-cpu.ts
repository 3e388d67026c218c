/**
 * CPU time (user + system, ms) of this machine's processes from /proc, summed by a label the caller
 * gives each (null: not counted). On the bench machine the browser, PHP, MariaDB and the bench
 * itself share two cores: where the CPU went says what a run was waiting for.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  /** the command line, split (Chromium's children rewrite theirs as one string with spaces) */
  args: string[];
  /** the command name (/proc/<pid>/comm) */
  name: string;
}

/** CPU ms (user + system) of a /proc stat file: the fields after the name, which is in parentheses and may hold spaces. */
function cpuOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(stat[11]) + Number(stat[12])) * 10;
}

/** Sums what `measure` answers for each process `label` keeps (a process gone meanwhile is skipped). */
function sumOverProcesses(
  label: (process: ProcessInfo) => string | null,
  measure: (dir: string, key: string) => [string, number][],
): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(/[\0 ]/);
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      const key = label({ args, name });
      if (key === null) continue;
      for (const [sumKey, ms] of measure(`/proc/${entry}`, key)) sums[sumKey] = (sums[sumKey] ?? 0) + ms;
    } catch {
      // gone meanwhile
    }
  }
  return sums;
}

export function processCpu(label: (process: ProcessInfo) => string | null): Record<string, number> {
  return sumOverProcesses(label, (dir, key) => [[key, cpuOf(`${dir}/stat`)]]);
}

/** CPU time (ms) of each thread of the processes `label` keeps, summed by "label / thread name". */
export function threadCpu(label: (process: ProcessInfo) => string | null): Record<string, number> {
  return sumOverProcesses(label, (dir, key) =>
    readdirSync(`${dir}/task`).map((task) => [
      `${key} / ${readFileSync(`${dir}/task/${task}/comm`, 'utf8').trim()}`,
      cpuOf(`${dir}/task/${task}/stat`),
    ]),
  );
}

/** The processes of the Chromium whose profile is `userDataDir`, by `--type` (utilities by their service). */
export function chromiumProcess(userDataDir: string) {
  return ({ args }: ProcessInfo): string | null => {
    if (!args.includes(`--user-data-dir=${userDataDir}`)) return null;
    const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
    return option('utility-sub-type')?.replace(/\.mojom\./, ' ') ?? option('type') ?? 'browser';
  };
}

/** The CPU each label used between two readings (ms). */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([label, ms]) => [label, ms - (before[label] ?? 0)]));
}

/** CPU used, largest first, as "label 1.23 s" (under `leastMs` left out). */
export function describeCpu(spent: Record<string, number>, leastMs = 50): string {
  return Object.entries(spent)
    .filter(([, ms]) => ms >= leastMs)
    .sort((a, b) => b[1] - a[1])
    .map(([label, ms]) => `${label} ${(ms / 1000).toFixed(2)} s`)
    .join(', ');
}

/** What used CPU between two readings, largest first, as "label 1.23 s". */
export function cpuSpent(before: Record<string, number>, after: Record<string, number>): string {
  return describeCpu(cpuDelta(before, after));
}
