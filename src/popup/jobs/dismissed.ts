/**
 * Which finished jobs' reports the user dismissed. The popup never writes the cache (only the
 * background does), and a dismissal is this browser's view, not the job's: kept in the popup's own
 * localStorage, pruned to the newest ids.
 */
const storageKey = 'freigabe.dismissedJobs';
const kept = 200;

export function readDismissed(storage: Storage | null = globalThis.localStorage ?? null): Set<number> {
  try {
    const ids: unknown = JSON.parse(storage?.getItem(storageKey) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : []);
  } catch {
    // Unreadable or not ours: the reports show again, nothing is lost.
    return new Set();
  }
}

export function saveDismissed(ids: ReadonlySet<number>, storage: Storage | null = globalThis.localStorage ?? null) {
  try {
    storage?.setItem(storageKey, JSON.stringify([...ids].sort((a, b) => b - a).slice(0, kept)));
  } catch {
    // Private windows may refuse: the report shows again next time, nothing is lost.
  }
}
