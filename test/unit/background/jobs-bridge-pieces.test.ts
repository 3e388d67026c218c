/**
 * A chunk through the Bridge (jobs/bridge-route.ts) against a fake Bridge: its pieces go a few at
 * once, never more than the job's adaptive limit; a 503 on a piece stops the chunk (it is sent again
 * from the ledger) and halves the limit, so the next send puts fewer pieces on an overloaded host.
 */
import { describe, expect, it } from 'vitest';
import { sendBridgeChunk } from '../../../src/background/jobs/bridge-route.ts';
import { AdaptiveConcurrency } from '../../../src/background/jobs/concurrency.ts';
import type { ClaimItem } from '../../../src/background/jobs/selection.ts';
import { createWpClient } from '../../../src/shared/wp/client.ts';
import { pendingComments } from '../../support/connected-site.ts';
import { withFakeBridge } from '../../support/fake-bridge.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';

const root = 'https://blog.example/wp-json/';
const timing = { now: () => 0, sleep: async () => undefined };

function setup(count: number, overloadedPieces: number) {
  const comments = pendingComments(count);
  const bridge = withFakeBridge(comments, fakeWordPress(comments).fetch);
  let inFlight = 0;
  let maxInFlight = 0;
  let refuse = overloadedPieces;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (String(input).includes('comments/bulk') && refuse > 0) {
        refuse -= 1;
        return new Response('Service Unavailable', { status: 503 });
      }
      return await bridge.fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const client = createWpClient({ root, auth: { kind: 'application-password', username: 'u', password: 'p' }, fetch });
  const items: ClaimItem[] = comments.map((comment) => ({ id: comment.id, before: 'hold', preserve: undefined }));
  return { client, items, peak: () => maxInFlight };
}

describe('a chunk through the Bridge', () => {
  it('sends its pieces a few at once, within the job’s limit', async () => {
    const { client, items, peak } = setup(1000, 0);
    const answer = await sendBridgeChunk(client, 'trash', items, false, 100, new AdaptiveConcurrency(2), timing);
    expect(answer.stop).toBeNull();
    expect(answer.outcomes.size).toBe(1000);
    expect(peak()).toBe(2);
  });

  it('an overloaded host halves the limit: the chunk sent again goes with fewer pieces at once', async () => {
    const first = setup(1000, 1);
    const limit = new AdaptiveConcurrency(4);
    const answer = await sendBridgeChunk(first.client, 'trash', first.items, false, 100, limit, timing);
    expect(answer.stop?.status).toBe(503);
    expect(limit.limit).toBe(2);
    const again = setup(1000, 0);
    await sendBridgeChunk(again.client, 'trash', again.items, true, 100, limit, timing);
    expect(again.peak()).toBe(2);
  });
});
