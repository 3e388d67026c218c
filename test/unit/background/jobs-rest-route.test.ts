/**
 * A chunk over REST (jobs/rest-route.ts) against a fake WordPress: never more in flight than the
 * limit, 429 + Retry-After waited out by every request, 503 storms and long waits stop the chunk,
 * network failures shrink the limit, refusals fail alone, commenter data is sent back.
 */
import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency } from '../../../src/background/jobs/concurrency.ts';
import { maxTransientInARow, sendRestChunk } from '../../../src/background/jobs/rest-route.ts';
import type { ClaimItem } from '../../../src/background/jobs/selection.ts';
import { createWpClient } from '../../../src/shared/wp/client.ts';
import { pendingComments } from '../../support/connected-site.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';

const root = 'https://blog.example/wp-json/';
const item = (id: number, before = 'hold'): ClaimItem => ({
  id,
  before,
  preserve: { ip: `198.51.100.${id}`, userAgent: 'Firefox' },
});

function setup(count: number) {
  const wordpress = fakeWordPress(pendingComments(count));
  let inFlight = 0;
  let maxInFlight = 0;
  const overLimit: number[] = [];
  const clock = { now: 0 };
  const sleeps: number[] = [];
  const limit = new AdaptiveConcurrency();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (inFlight > limit.limit) overLimit.push(inFlight);
    try {
      // Answers arrive later (a macrotask), so requests really overlap.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return await wordpress.fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const client = createWpClient({ root, auth: { kind: 'application-password', username: 'u', password: 'p' }, fetch });
  const timing = {
    now: () => clock.now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock.now += ms;
    },
  };
  return { wordpress, client, timing, limit, sleeps, clock, stats: () => ({ maxInFlight, overLimit }) };
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('a chunk over REST', () => {
  it('keeps no more requests in flight than the limit, which grows while answers are fast', async () => {
    const { wordpress, client, timing, limit, stats } = setup(100);
    const answer = await sendRestChunk(
      client,
      'approve',
      ids(100).map((id) => item(id)),
      limit,
      timing,
    );
    expect(answer.stop).toBeNull();
    expect([...answer.outcomes.values()].every((outcome) => outcome.result === 'done')).toBe(true);
    expect(wordpress.comments.every((comment) => comment.status === 'approved')).toBe(true);
    expect(wordpress.writes).toHaveLength(100);
    expect(stats().overLimit).toEqual([]);
    expect(limit.limit).toBeGreaterThan(4);
    expect(stats().maxInFlight).toBeGreaterThan(4);
  });

  it('sends the commenter’s IP and user agent back, asks for trimmed answers, and trashes by DELETE', async () => {
    const { wordpress, client, timing, limit } = setup(2);
    await sendRestChunk(client, 'spam', [item(1)], limit, timing);
    await sendRestChunk(client, 'trash', [item(2)], limit, timing);
    expect(wordpress.writes[0]).toMatchObject({
      method: 'POST',
      body: { status: 'spam', author_ip: '198.51.100.1', author_user_agent: 'Firefox' },
    });
    expect(wordpress.writes[1]).toMatchObject({ method: 'DELETE', body: null });
    const writeUrls = wordpress.requests.filter(
      (request) => request.startsWith('POST') || request.startsWith('DELETE'),
    );
    expect(writeUrls.every((url) => url.includes('_fields=id%2Cstatus'))).toBe(true);
  });

  it('429 with Retry-After: no request goes out before it has passed, the limit halves, the comment is sent again', async () => {
    const { wordpress, client, timing, limit, sleeps } = setup(20);
    wordpress.failures.push({ status: 429, code: 'rest_too_many_requests', headers: { 'Retry-After': '3' } });
    const answer = await sendRestChunk(
      client,
      'approve',
      ids(20).map((id) => item(id)),
      limit,
      timing,
    );
    expect(answer.stop).toBeNull();
    expect(sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(answer.outcomes.size).toBe(20);
    expect(wordpress.comments.every((comment) => comment.status === 'approved')).toBe(true);
    // One request was answered 429 and sent again: 21 writes for 20 comments.
    expect(wordpress.writes).toHaveLength(21);
  });

  it('a Retry-After longer than the chunk may wait stops the chunk at once: the job waits instead', async () => {
    const { wordpress, client, timing, limit } = setup(10);
    wordpress.failures.push({ status: 429, code: 'rest_too_many_requests', headers: { 'Retry-After': '120' } });
    const answer = await sendRestChunk(
      client,
      'approve',
      ids(10).map((id) => item(id)),
      limit,
      timing,
    );
    expect(answer.stop).toMatchObject({ kind: 'retryable', status: 429, retryAfterMs: 120_000 });
    expect(answer.outcomes.size).toBeLessThan(10);
    expect(limit.limit).toBe(2);
  });

  it('a 503 storm shrinks the limit to one and stops the chunk after a few failures in a row; nothing is lost', async () => {
    const { wordpress, client, timing, limit, sleeps } = setup(30);
    for (let count = 0; count < 40; count++) wordpress.failures.push({ status: 503, code: 'service_unavailable' });
    const answer = await sendRestChunk(
      client,
      'spam',
      ids(30).map((id) => item(id)),
      limit,
      timing,
    );
    expect(answer.stop).toMatchObject({ kind: 'retryable', status: 503 });
    expect(answer.outcomes.size).toBe(0);
    expect(limit.limit).toBe(1);
    // Between the rounds every request waited out a backoff.
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sleeps.every((ms) => ms >= 500)).toBe(true);
    expect(wordpress.writes.length).toBeGreaterThanOrEqual(maxTransientInARow);
    expect(wordpress.comments.every((comment) => comment.status === 'hold')).toBe(true);
  });

  it('network failures (and timeouts) shrink the limit; the comments are sent when the network is back', async () => {
    const { wordpress, client, limit, timing } = setup(12);
    let failing = 3;
    const flaky = createWpClient({
      root,
      auth: { kind: 'application-password', username: 'u', password: 'p' },
      fetch: async (input, init) => {
        if ((init?.method ?? 'GET') !== 'GET' && failing > 0) {
          failing -= 1;
          throw new TypeError('Failed to fetch');
        }
        return wordpress.fetch(input, init);
      },
    });
    expect(client.root).toBe(root);
    const answer = await sendRestChunk(
      flaky,
      'approve',
      ids(12).map((id) => item(id)),
      limit,
      timing,
    );
    expect(answer.stop).toBeNull();
    expect(answer.outcomes.size).toBe(12);
    expect(wordpress.comments.every((comment) => comment.status === 'approved')).toBe(true);
  });

  it('a refusal fails that comment alone, with WordPress’s reason; one deleted elsewhere is skipped', async () => {
    const { wordpress, client, timing, limit } = setup(5);
    wordpress.comments.splice(1, 1);
    wordpress.failures.push({ status: 403, code: 'rest_cannot_edit', headers: {} });
    const answer = await sendRestChunk(
      client,
      'approve',
      ids(5).map((id) => item(id)),
      limit,
      timing,
    );
    expect(answer.stop).toBeNull();
    const outcomes = [...answer.outcomes.values()];
    expect(outcomes.filter((outcome) => outcome.result === 'failed')).toEqual([
      expect.objectContaining({ code: 'rest_cannot_edit', message: 'Injected rest_cannot_edit' }),
    ]);
    expect(answer.outcomes.get(2)).toMatchObject({ result: 'skipped', code: 'rest_comment_invalid_id' });
    expect(outcomes.filter((outcome) => outcome.result === 'done')).toHaveLength(3);
  });

  it('a comment already where the action puts it counts as done (WordPress answers 200 with its status)', async () => {
    const { wordpress, client, timing, limit } = setup(3);
    const moved = wordpress.comments[1];
    if (moved) moved.status = 'approved';
    const answer = await sendRestChunk(
      client,
      'approve',
      ids(3).map((id) => item(id)),
      limit,
      timing,
    );
    // WordPress answers 200 with the status it has: approved — what the job wanted, so it counts as done.
    expect(answer.outcomes.get(2)?.result).toBe('done');
    const spam = await sendRestChunk(client, 'unspam', [item(1, 'spam')], limit, timing);
    // Not spam: "not spam" on it changes nothing (WordPress leaves it approved).
    expect(spam.outcomes.get(1)?.result).toBe('done');
  });
});
