/**
 * Named exclusive locks, so a site's syncs never overlap and one outbox flush runs at a time.
 * In the extension these are Web Locks (service worker and pages, Chrome and Firefox): a lock is
 * shared by every context of the extension and is released when the context holding it dies.
 * Where Web Locks do not exist (Node tests) an in-memory lock of the same meaning stands in.
 */

export const flushLockName = 'freigabe-flush';
export const syncLockName = (siteId: string) => `freigabe-sync:${siteId}`;

export interface Locks {
  /** Runs `work` holding the lock, waiting for it if another holder has it. */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Runs `work` holding the lock if it is free right now; otherwise answers `busy` at once. */
  ifAvailable<T>(name: string, work: () => Promise<T>, busy: T): Promise<T>;
}

export function webLocks(manager: LockManager): Locks {
  return {
    // The DOM typings wrap the callback's promise once more; the real answer is the callback's.
    exclusive: <T>(name: string, work: () => Promise<T>) => manager.request(name, () => work()) as Promise<T>,
    ifAvailable: <T>(name: string, work: () => Promise<T>, busy: T) =>
      manager.request(name, { ifAvailable: true }, (lock) => (lock ? work() : busy)) as Promise<T>,
  };
}

/** One context's locks: the same meaning as Web Locks, without crossing contexts. */
export function memoryLocks(): Locks {
  /** per name: the end of the line of holders and waiters, and how many are in it */
  const lines = new Map<string, { tail: Promise<unknown>; length: number }>();

  function exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const line = lines.get(name) ?? { tail: Promise.resolve(), length: 0 };
    line.length += 1;
    const run = line.tail
      .then(() => work())
      .finally(() => {
        // Before the caller resumes: a lock that is free again is seen free at once.
        line.length -= 1;
        if (line.length === 0 && lines.get(name) === line) lines.delete(name);
      });
    // The next in line runs whatever this one's outcome; the caller gets this one's rejection.
    line.tail = run.catch(() => undefined);
    lines.set(name, line);
    return run;
  }

  return {
    exclusive,
    ifAvailable: (name, work, busy) => (lines.has(name) ? Promise.resolve(busy) : exclusive(name, work)),
  };
}

let fallback: Locks | null = null;

/** Web Locks where the platform has them, else this context's in-memory locks. */
export function defaultLocks(): Locks {
  const manager = (globalThis.navigator as Navigator | undefined)?.locks;
  if (manager) return webLocks(manager);
  fallback ??= memoryLocks();
  return fallback;
}
