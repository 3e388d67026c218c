/**
 * Long tasks with attribution: which of our phases (performance measures named `freigabe:…`) or,
 * failing that, which script entry point the browser names (Long Animation Frames' `scripts`) ran in
 * each long task; what neither covers is the browser's own work (style, layout, paint).
 * Collected in the page by `observeLongTasks` (a function to pass to page.evaluate), attributed here.
 */

export interface Span {
  name: string;
  start: number;
  duration: number;
}

export interface LongTaskRecord {
  tasks: Span[];
  /** the script entry points of long animation frames (invoker, e.g. "IntersectionObserverCallback") */
  scripts: Span[];
  /** our phases, `freigabe:` taken off */
  phases: Span[];
}

/** In the page, before our scripts load: keeps every long task and long frame's scripts on globalThis. */
export function observeLongTasks(): void {
  const record = { tasks: [] as Span[], scripts: [] as Span[] };
  (globalThis as unknown as { freigabeLongTasks: typeof record }).freigabeLongTasks = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      record.tasks.push({ name: 'task', start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
  try {
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries() as unknown as { scripts: PerformanceEntry[] }[]) {
        for (const script of frame.scripts) {
          const { invoker, invokerType } = script as unknown as { invoker: string; invokerType: string };
          record.scripts.push({
            name: invokerType === 'classic-script' ? 'our script, parsed and run' : invoker || invokerType,
            start: script.startTime,
            duration: script.duration,
          });
        }
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {
    // A browser without Long Animation Frames: the phases alone.
  }
}

/** In the page, after the work: what observeLongTasks kept, with our measures. */
export function collectLongTasks(): LongTaskRecord {
  const record = (globalThis as unknown as { freigabeLongTasks: Omit<LongTaskRecord, 'phases'> }).freigabeLongTasks;
  const phases = performance
    .getEntriesByType('measure')
    .filter((entry) => entry.name.startsWith('freigabe:'))
    .map((entry) => ({ name: entry.name.slice('freigabe:'.length), start: entry.startTime, duration: entry.duration }));
  return { ...record, phases };
}

const overlap = (a: Span, b: Span) =>
  Math.max(0, Math.min(a.start + a.duration, b.start + b.duration) - Math.max(a.start, b.start));

/** What each long task spent its time on, largest first: our phases, else the browser's script entry points, else its own work. */
export function attribute(record: LongTaskRecord): { task: Span; parts: { name: string; ms: number }[] }[] {
  return record.tasks.map((task) => {
    const parts = new Map<string, number>();
    const add = (name: string, ms: number) => ms > 0 && parts.set(name, (parts.get(name) ?? 0) + ms);
    let covered = 0;
    for (const phase of record.phases) {
      const ms = overlap(task, phase);
      add(phase.name, ms);
      covered += ms;
    }
    // Script entry points our phases do not already explain (a phase runs inside one).
    const inPhase = (script: Span) => record.phases.some((phase) => overlap(script, phase) > 0);
    for (const script of record.scripts) {
      if (inPhase(script)) continue;
      const ms = overlap(task, script);
      add(script.name, ms);
      covered += ms;
    }
    add('browser (style, layout, paint)', task.duration - covered);
    return { task, parts: [...parts].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms) };
  });
}

/** One line per cause (the largest part of a task): how many long tasks, the longest. */
export function summarize(attributed: ReturnType<typeof attribute>): string[] {
  const byCause = new Map<string, number[]>();
  for (const { task, parts } of attributed) {
    const cause = parts[0]?.name ?? 'unknown';
    byCause.set(cause, [...(byCause.get(cause) ?? []), task.duration]);
  }
  return [...byCause]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([cause, durations]) => `${cause}: ${durations.length} (longest ${Math.max(...durations).toFixed(0)} ms)`);
}
