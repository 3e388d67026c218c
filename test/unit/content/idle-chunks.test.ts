/**
 * The idle queue the inline view renders new cards with: jobs in the order first queued, a job
 * queued again replaced in its place, each slice within its deadline but never empty, slices at
 * once where a browser has no idle callback, and nothing left running once cleared.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  atOnce,
  browserIdle,
  IdleQueue,
  type SliceDeadline,
  sliceBudgetMs,
} from '../../../src/content/inline/idle-chunks.ts';
import { handIdle } from '../../support/hand-idle.ts';

describe('idle queue', () => {
  it('runs jobs in the order first queued, a job queued again in its old place with its new work', () => {
    const { requestIdle, idle } = handIdle();
    const ran: string[] = [];
    const queue = new IdleQueue<number>(requestIdle);
    for (const key of [1, 2, 3]) queue.set(key, () => ran.push(`${key}`));
    queue.set(2, () => ran.push('2 again'));
    expect(ran).toEqual([]);
    for (let slice = 0; slice < 5; slice++) idle(10);
    expect(ran).toEqual(['1', '2 again', '3']);
  });

  it('stops a slice when its time is up, runs at least one job per slice, and asks for the next slice until done', () => {
    const { requestIdle, idle, waiting } = handIdle();
    const ran: number[] = [];
    const drained = vi.fn();
    const queue = new IdleQueue<number>(requestIdle, drained);
    for (let key = 0; key < 7; key++) queue.set(key, () => ran.push(key));
    expect(waiting).toHaveLength(1);
    idle(2);
    expect(ran).toEqual([0, 1, 2]);
    idle(0);
    expect(ran).toEqual([0, 1, 2, 3]);
    expect(drained).not.toHaveBeenCalled();
    idle(100);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(drained).toHaveBeenCalledTimes(1);
    expect(waiting).toHaveLength(0);
  });

  it("stops a slice at its own budget however long the browser's deadline, and runs the rest in the next slice", () => {
    // An idle period may offer 50 ms: what the jobs build is styled and laid out in the next frame.
    let now = 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const { requestIdle, idle, waiting } = handIdle();
      const ran: number[] = [];
      const queue = new IdleQueue<number>(requestIdle);
      for (let key = 0; key < 10; key++)
        queue.set(key, () => {
          ran.push(key);
          now += sliceBudgetMs / 4;
        });
      idle(1_000);
      expect(ran).toEqual([0, 1, 2, 3]);
      expect(waiting).toHaveLength(1);
      idle(1_000);
      expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    } finally {
      clock.mockRestore();
    }
  });

  it('clear forgets what waits and cancels the slice asked for', () => {
    const { requestIdle, idle, waiting } = handIdle();
    const ran: number[] = [];
    const queue = new IdleQueue<number>(requestIdle);
    queue.set(1, () => ran.push(1));
    queue.set(2, () => ran.push(2));
    idle(10);
    expect(ran).toEqual([1, 2]);
    expect(waiting).toHaveLength(0);
    queue.set(3, () => ran.push(3));
    queue.set(4, () => ran.push(4));
    queue.clear();
    expect(waiting).toHaveLength(0);
    idle(10);
    expect(ran).toEqual([1, 2]);
  });

  it('at once: each job runs as it is queued, and later jobs still run', () => {
    const ran: number[] = [];
    const queue = new IdleQueue<number>(atOnce);
    queue.set(1, () => ran.push(1));
    queue.set(2, () => ran.push(2));
    expect(ran).toEqual([1, 2]);
  });

  it("uses the browser's idle callbacks with a timeout, and runs slices at once where there are none", () => {
    const requestIdleCallback = vi.fn((_run: (deadline: SliceDeadline) => void, _options?: { timeout: number }) => 7);
    const cancelIdleCallback = vi.fn();
    const cancel = browserIdle({ requestIdleCallback, cancelIdleCallback })(() => undefined);
    expect(requestIdleCallback.mock.calls[0]?.[1]).toEqual({ timeout: 200 });
    cancel();
    expect(cancelIdleCallback).toHaveBeenCalledWith(7);
    expect(browserIdle({})).toBe(atOnce);
  });
});
