/** Adaptive concurrency (jobs/concurrency.ts): grows while answers stay fast, shrinks when they slow or the server is overloaded. */
import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency, maxConcurrency } from '../../../src/background/jobs/concurrency.ts';

/** A full round of answers at this latency. */
const round = (limit: AdaptiveConcurrency, latencyMs: number) => {
  for (let answered = limit.limit; answered > 0; answered--) limit.answer(latencyMs);
};

describe('adaptive concurrency', () => {
  it('starts at 4 and grows by one per round of fast, error-free answers, up to its maximum', () => {
    const limit = new AdaptiveConcurrency();
    expect(limit.limit).toBe(4);
    round(limit, 40);
    expect(limit.limit).toBe(5);
    round(limit, 42);
    expect(limit.limit).toBe(6);
    for (let rounds = 0; rounds < 30; rounds++) round(limit, 45);
    expect(limit.limit).toBe(maxConcurrency);
  });

  it('does not change in the middle of a round', () => {
    const limit = new AdaptiveConcurrency(8);
    for (let answered = 0; answered < 7; answered++) limit.answer(40);
    expect(limit.limit).toBe(8);
    limit.answer(40);
    expect(limit.limit).toBe(9);
  });

  it('shrinks when answers get much slower than the fastest seen (the server queues)', () => {
    const limit = new AdaptiveConcurrency(4);
    for (let rounds = 0; rounds < 6; rounds++) round(limit, 40);
    const peak = limit.limit;
    expect(peak).toBe(10);
    round(limit, 400);
    expect(limit.limit).toBeLessThan(peak);
    const after = limit.limit;
    round(limit, 600);
    expect(limit.limit).toBeLessThan(after);
  });

  it('holds steady when answers are a little slower, neither fast nor queueing', () => {
    const limit = new AdaptiveConcurrency(6);
    round(limit, 40);
    const settled = limit.limit;
    round(limit, 80);
    expect(limit.limit).toBe(settled);
  });

  it('halves on overload (429, 503, timeout), never below one', () => {
    const limit = new AdaptiveConcurrency(12);
    limit.overloaded();
    expect(limit.limit).toBe(6);
    limit.overloaded();
    limit.overloaded();
    limit.overloaded();
    limit.overloaded();
    expect(limit.limit).toBe(1);
    round(limit, 30);
    expect(limit.limit).toBe(2);
  });

  it('answers to requests sent before the limit changed do not count for the next round', () => {
    const limit = new AdaptiveConcurrency(8);
    const tickets = Array.from({ length: 8 }, () => limit.begin());
    limit.overloaded(tickets[0]);
    // The rest of that round was refused alike: halved once, not eight times.
    for (const ticket of tickets.slice(1)) limit.overloaded(ticket);
    expect(limit.limit).toBe(4);
    for (const ticket of tickets) limit.answer(10, ticket);
    expect(limit.limit).toBe(4);
    round(limit, 10);
    expect(limit.limit).toBe(5);
  });

  it('a remembered limit is kept within bounds', () => {
    expect(new AdaptiveConcurrency(0).limit).toBe(1);
    expect(new AdaptiveConcurrency(99).limit).toBe(maxConcurrency);
  });
});
