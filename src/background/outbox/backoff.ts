/**
 * When to try a failed send again: capped, jittered exponential backoff (so a hundred decisions do
 * not hit a recovering server at the same second), and never before WordPress's Retry-After.
 */
export const backoffBaseMs = 2_000;
export const backoffCapMs = 10 * 60_000;

export function nextAttemptAt(
  now: number,
  attempts: number,
  retryAfterMs: number | null,
  random: () => number,
): number {
  const exponential = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  // "Equal jitter": between half and all of the exponential delay.
  const delay = exponential / 2 + random() * (exponential / 2);
  return now + Math.max(delay, retryAfterMs ?? 0);
}
