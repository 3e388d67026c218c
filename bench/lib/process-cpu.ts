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

export function processCpu(label: (process: ProcessInfo) => string | null): Record<string, number> {
  const byLabel: Record<string, number> = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(/[\0 ]/);
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      const key = label({ args, name });
      if (key === null) continue;
      // The fields after the command name, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      byLabel[key] = (byLabel[key] ?? 0) + (Number(stat[11]) + Number(stat[12])) * 10;
    } catch {
      // gone meanwhile
    }
  }
  return byLabel;
}

/** The processes of the Chromium whose profile is `userDataDir`, by `--type` (utilities by their service). */
export function chromiumProcess(userDataDir: string) {
  return ({ args }: ProcessInfo): string | null => {
    if (!args.includes(`--user-data-dir=${userDataDir}`)) return null;
    const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
    return option('utility-sub-type')?.replace(/\.mojom\./, ' ') ?? option('type') ?? 'browser';
  };
}

/** What used CPU between two readings, largest first, as "label 1.23 s". */
export function cpuSpent(before: Record<string, number>, after: Record<string, number>): string {
  return Object.entries(after)
    .map(([label, ms]) => [label, ms - (before[label] ?? 0)] as const)
    .filter(([, ms]) => ms >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([label, ms]) => `${label} ${(ms / 1000).toFixed(2)} s`)
    .join(', ');
}

/** CPU time (ms) of each thread of the processes `label` keeps, summed by "label / thread name". */
export function threadCpu(label: (process: ProcessInfo) => string | null): Record<string, number> {
  const byThread: Record<string, number> = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(/[\0 ]/);
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      const key = label({ args, name });
      if (key === null) continue;
      for (const task of readdirSync(`/proc/${entry}/task`)) {
        const thread = readFileSync(`/proc/${entry}/task/${task}/comm`, 'utf8').trim();
        const stat = readFileSync(`/proc/${entry}/task/${task}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        const threadKey = `${key} / ${thread}`;
        byThread[threadKey] = (byThread[threadKey] ?? 0) + (Number(stat[11]) + Number(stat[12])) * 10;
      }
    } catch {
      // gone meanwhile
    }
  }
  return byThread;
}
