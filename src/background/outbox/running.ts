/**
 * Which context has a flush running (flush.ts): to wake it when a decision is made while it runs,
 * and for requests that can wait to wait until it ends.
 */
import type { BackgroundContext } from '../context.ts';

/** The flush running in a context, to be told of decisions made while it runs. */
const running = new WeakMap<BackgroundContext, () => void>();
/** Those waiting in this context for the flush to end (whenFlushIdle). */
const idleWaiters = new WeakMap<BackgroundContext, (() => void)[]>();

/** A flush starts in this context; `wake` makes it look at the outbox again. */
export function flushStarted(ctx: BackgroundContext, wake: () => void): void {
  running.set(ctx, wake);
}

/** The flush in this context ended: whoever waited for that goes on. */
export function flushEnded(ctx: BackgroundContext): void {
  running.delete(ctx);
  const waiting = idleWaiters.get(ctx) ?? [];
  idleWaiters.delete(ctx);
  for (const resolve of waiting) resolve();
}

/** A decision was made (or a flush asked for): a flush running here looks at the outbox again. */
export function wakeFlush(ctx: BackgroundContext): boolean {
  const wake = running.get(ctx);
  wake?.();
  return wake !== undefined;
}

/**
 * Resolves once no flush runs in this context. Requests that can wait (the commenters' history)
 * leave WordPress to the user's decisions while those are on their way: on a busy or small host
 * every request of ours is one the decisions wait behind.
 */
export async function whenFlushIdle(ctx: BackgroundContext): Promise<void> {
  while (running.has(ctx)) {
    await new Promise<void>((resolve) => idleWaiters.set(ctx, [...(idleWaiters.get(ctx) ?? []), resolve]));
  }
}
