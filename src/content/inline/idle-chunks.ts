/**
 * Work cut into slices that run while the page is idle, so no slice becomes a long task on a busy
 * article (issue 14: forty cards rendered at once took one). Jobs run in the order they were first
 * queued; queueing a key again replaces its job in place (the latest state wins, the order stays).
 * Each slice runs jobs until its deadline or its own budget has no time left, and at least one, so
 * the queue always drains.
 */

/** What a slice may still spend (the browser's IdleDeadline). */
export interface SliceDeadline {
  timeRemaining(): number;
}

/** Runs `slice` when the page is idle; answers a function that cancels it. */
export type RequestIdle = (slice: (deadline: SliceDeadline) => void) => () => void;

/** An idle callback waits at most this long on a page that is never idle. */
const idleTimeoutMs = 200;

/**
 * A slice's own time, whatever the deadline allows (an idle period may offer 50 ms): what the jobs
 * build, the browser still styles and lays out in the frame after the slice, and that frame must not
 * become a long task either. The next slice runs in a later idle period, after that frame.
 */
export const sliceBudgetMs = 10;

type IdleWindow = {
  requestIdleCallback?: (run: (deadline: SliceDeadline) => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** No waiting: each slice runs at once, with no deadline (no window to wait in; tests). */
export const atOnce: RequestIdle = (slice) => {
  slice({ timeRemaining: () => Number.POSITIVE_INFINITY });
  return () => undefined;
};

/** The browser's idle callbacks (Chrome and Firefox have them, in content scripts too); without them, slices run at once. */
export function browserIdle(win: IdleWindow): RequestIdle {
  const request = win.requestIdleCallback?.bind(win);
  const cancel = win.cancelIdleCallback?.bind(win);
  if (!request || !cancel) return atOnce;
  return (slice) => {
    const handle = request(slice, { timeout: idleTimeoutMs });
    return () => cancel(handle);
  };
}

export class IdleQueue<K> {
  private readonly jobs = new Map<K, () => void>();
  private cancelSlice: (() => void) | null = null;
  private sliceWaiting = false;

  constructor(
    private readonly requestIdle: RequestIdle,
    /** called once the queue ran dry after a slice (not after `clear`) */
    private readonly drained: () => void = () => undefined,
  ) {}

  /** Queues `job` under `key`: a job already queued there is replaced in its place. */
  set(key: K, job: () => void): void {
    this.setAll([[key, job]]);
  }

  /** Queues several jobs, then asks for one slice (run at once, they drain once, not after each). */
  setAll(jobs: Iterable<readonly [K, () => void]>): void {
    for (const [key, job] of jobs) this.jobs.set(key, job);
    if (this.jobs.size > 0) this.requestSlice();
  }

  /** Forgets every queued job. */
  clear(): void {
    this.stopSlice();
    this.jobs.clear();
  }

  private requestSlice(): void {
    if (this.sliceWaiting) return;
    this.sliceWaiting = true;
    const cancel = this.requestIdle((deadline) => this.slice(deadline));
    // (A slice that ran at once has already cleared the flag: nothing is left to cancel.)
    this.cancelSlice = this.sliceWaiting ? cancel : null;
  }

  private slice(deadline: SliceDeadline): void {
    this.sliceWaiting = false;
    this.cancelSlice = null;
    let ran = 0;
    const end = performance.now() + sliceBudgetMs;
    this.runWhile(() => ran++ === 0 || (deadline.timeRemaining() > 0 && performance.now() < end));
    if (this.jobs.size > 0) this.requestSlice();
    else this.drained();
  }

  private runWhile(more: () => boolean): void {
    for (const [key, job] of this.jobs) {
      if (!more()) return;
      this.jobs.delete(key);
      job();
    }
  }

  private stopSlice(): void {
    this.cancelSlice?.();
    this.cancelSlice = null;
    this.sliceWaiting = false;
  }
}
