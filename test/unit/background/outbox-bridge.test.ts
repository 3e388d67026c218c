/**
 * Edge cases of the outbox's Bridge path (bridge-send.ts) against a fake WordPress: which decisions
 * go through the Bridge, how many share a request, what `expect` says, and how each answer — or a
 * missing one — becomes the outbox's classified outcome. The real WordPress: bridge-outbox.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { bridgeActionOf, groupLimit, sendThroughBridge } from '../../../src/background/outbox/bridge-send.ts';
import type { OutboxRow } from '../../../src/shared/db/index.ts';
import type { BulkOutcome } from '../../../src/shared/wp/bridge.ts';
import { createWpClient } from '../../../src/shared/wp/client.ts';
import { commentRow } from '../../support/popup-harness.ts';

const bridge = {
  version: '1.0.0',
  maxIds: 1000,
  actions: ['approve', 'unapprove', 'spam', 'unspam', 'trash', 'untrash', 'delete'],
};

function row(commentId: number, decision: OutboxRow['decision'], previousStatus = 'hold'): OutboxRow {
  return {
    id: commentId,
    siteId: 'https://blog.example/wp-json/',
    commentId,
    decision,
    previousStatus,
    snapshot: commentRow(commentId),
    state: 'sending',
    createdAt: 0,
    notBefore: 0,
    attempts: 0,
    sentAt: null,
    error: null,
    undoOf: null,
  };
}

/** A client whose WordPress answers the bulk route with `results`, recording what was sent. */
function bridgeClient(results: BulkOutcome[]) {
  const sent: unknown[] = [];
  const client = createWpClient({
    root: 'https://blog.example/wp-json/',
    auth: { kind: 'application-password', username: 'u', password: 'p' },
    fetch: async (_input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ results }), { headers: { 'Content-Type': 'application/json' } });
    },
  });
  return { client, sent };
}

describe('which decisions go through the Bridge', () => {
  it('status decisions on a site with the Bridge; edits, replies and sites without it over REST', () => {
    expect(bridgeActionOf({ bridge }, { decision: 'approve' })).toBe('approve');
    expect(bridgeActionOf({ bridge }, { decision: 'delete' })).toBe('delete');
    expect(bridgeActionOf({ bridge }, { decision: 'edit' })).toBeNull();
    expect(bridgeActionOf({ bridge }, { decision: 'reply' })).toBeNull();
    expect(bridgeActionOf({ bridge: null }, { decision: 'approve' })).toBeNull();
    expect(bridgeActionOf({}, { decision: 'approve' })).toBeNull();
    // A Bridge that does not announce an action is not asked for it.
    expect(bridgeActionOf({ bridge: { ...bridge, actions: ['approve'] } }, { decision: 'spam' })).toBeNull();
  });

  it('groups a hundred per request, spam and not spam four (Akismet reports each inside the request), never more than announced', () => {
    expect(groupLimit('approve', { bridge })).toBe(100);
    expect(groupLimit('spam', { bridge })).toBe(4);
    expect(groupLimit('unspam', { bridge })).toBe(4);
    expect(groupLimit('trash', { bridge: { ...bridge, maxIds: 10 } })).toBe(10);
  });
});

describe('a bulk request and its answers', () => {
  it('expects the status each decision was made on (only statuses WordPress knows)', async () => {
    const { client, sent } = bridgeClient([
      { id: 1, outcome: 'done', before: 'hold', after: 'approved' },
      { id: 2, outcome: 'done', before: 'spam', after: 'approved' },
      { id: 3, outcome: 'done', before: 'hold', after: 'approved' },
    ]);
    await sendThroughBridge(client, 'approve', [
      row(1, 'approve'),
      row(2, 'approve', 'spam'),
      row(3, 'approve', 'deleted'),
    ]);
    expect(sent).toEqual([{ action: 'approve', ids: [1, 2, 3], expect: { 1: 'hold', 2: 'spam' } }]);
  });

  it('turns every answer into the outbox’s outcome: done, conflict (with where it is now), refused, missing', async () => {
    const rows = [
      row(1, 'delete'),
      row(2, 'delete'),
      row(3, 'delete'),
      row(4, 'delete'),
      row(5, 'delete'),
      row(6, 'delete'),
    ];
    const { client } = bridgeClient([
      { id: 1, outcome: 'done', before: 'hold', after: 'deleted' },
      {
        id: 2,
        outcome: 'conflict',
        before: 'approved',
        after: 'approved',
        code: 'freigabe_bridge_status_changed',
        message: 'moved',
      },
      { id: 3, outcome: 'failed', before: null, after: null, code: 'rest_cannot_delete', message: 'not yours' },
      { id: 4, outcome: 'failed', before: null, after: null, code: 'rest_comment_invalid_id', message: 'gone' },
      { id: 5, outcome: 'failed', before: 'hold', after: 'hold', code: 'rest_comment_failed_edit', message: 'db' },
    ]);
    const answers = await sendThroughBridge(client, 'delete', rows);
    const summary = rows.map((r) => {
      const answer = answers.get(r);
      if (!answer) return null;
      if ('sent' in answer) return { sent: answer.sent.status };
      return { kind: answer.error.kind, code: answer.error.code, outcome: answer.outcome?.row ?? null };
    });
    expect(summary).toEqual([
      { sent: null },
      {
        kind: 'conflict',
        code: 'freigabe_bridge_status_changed',
        outcome: {
          state: 'conflict',
          previousStatus: 'approved',
          error: {
            kind: 'conflict',
            code: 'freigabe_bridge_status_changed',
            message: 'another moderator moved it to “Approved” first, and it was left there. Retry to do it anyway.',
          },
        },
      },
      { kind: 'forbidden', code: 'rest_cannot_delete', outcome: null },
      { kind: 'terminal', code: 'rest_comment_invalid_id', outcome: null },
      { kind: 'conflict', code: 'rest_comment_failed_edit', outcome: null },
      // The Bridge left one out: sent again later, never taken as done.
      { kind: 'invalid-response', code: null, outcome: null },
    ]);
  });

  it('not spam / restore of a comment out of Spam or the Trash: the colleague’s conflict at first, done when sent again', async () => {
    // The soak (seed 4170, comment 359): the user's undo of a spam decision after a colleague approved the
    // comment was answered done by Bridge 1.1.1 — the user "back to pending", WordPress approved, nobody told.
    const moved: BulkOutcome = {
      id: 7,
      outcome: 'conflict',
      before: 'approved',
      after: 'approved',
      code: 'freigabe_bridge_status_changed',
    };
    const first = row(7, 'unspam', 'spam');
    const again = { ...row(7, 'unspam', 'spam'), attempts: 1 };
    const answered = async (sent: OutboxRow) =>
      (await sendThroughBridge(bridgeClient([moved]).client, 'unspam', [sent])).get(sent);
    expect(await answered(first)).toMatchObject({
      error: { kind: 'conflict' },
      outcome: { row: { state: 'conflict' } },
    });
    // Sent before, its answer lost: the first request may have put it back (as a REST send takes it).
    expect(await answered(again)).toEqual({ sent: { status: 'approved' } });
    // Anywhere else than where a restore leads: someone moved it, whether or not ours landed first.
    const trashed = { ...moved, before: 'trash', after: 'trash' } as BulkOutcome;
    const elsewhere = (await sendThroughBridge(bridgeClient([trashed]).client, 'unspam', [again])).get(again);
    expect(elsewhere).toMatchObject({ error: { kind: 'conflict' } });
  });
});
