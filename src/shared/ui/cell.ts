/**
 * One value that a few components show and others change, without rendering everyone in between:
 * the popup's toast and screen-reader announcement change on every decision, and only the toast
 * and the announcer need to render for it, not the whole app.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Cell<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
  /** answers the unsubscribe */
  subscribe(listener: () => void): () => void;
}

export function createCell<T>(initial: T): Cell<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const updated = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      if (Object.is(updated, value)) return;
      value = updated;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The cell's value; the calling component renders again when it changes. */
export function useCell<T>(cell: Cell<T>): T {
  const value = cell.get();
  const [, setSeen] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `value` is what this render showed; a new one comes with the next render, not a new subscription
  useEffect(() => {
    let shown = value;
    const check = () => {
      if (Object.is(cell.get(), shown)) return;
      shown = cell.get();
      setSeen((count) => count + 1);
    };
    const unsubscribe = cell.subscribe(check);
    // Changed between the render and this subscription: render once more.
    check();
    return unsubscribe;
  }, [cell]);
  return value;
}
