/**
 * The Freigabe Bridge's bulk route on the real WordPress (7.1; 6.1 in compat-integration), with the
 * plugin activated as the Plugins screen does it: every action through WordPress's own functions,
 * an outcome per id in the order asked, per-id refusals (gone, not the author's, an editor note),
 * compare-and-set, the counts right afterwards, the commenter's IP and browser untouched, and
 * requests over the limit refused with a clear error — nothing changed by a refused request.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addComments } from '../../scripts/wp/index.ts';
import { setBridge, setScenarios } from '../../scripts/wp/scenarios.ts';
import { bulk, bulkRequest } from '../support/bridge.ts';
import { basicAuth, commentTotal, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const author = user(wp, 'author');
const commenter = { ip: '198.51.100.77', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15' };
const posts: number[] = [];

const status = async (id: number) => (await admin.read(id)).status;

async function arrange(count: number, title: string, fields: { author?: number; status?: string } = {}) {
  const post = await admin.createPost({ title, ...(fields.author ? { author: fields.author } : {}) });
  posts.push(post);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const comment = await admin.createComment(post, {
      status: fields.status ?? 'hold',
      ...commenter,
      content: `${title} ${i}`,
    });
    ids.push(comment.id);
  }
  return { post, ids };
}

beforeAll(async () => {
  await setBridge(site, true);
});

afterAll(async () => {
  await setScenarios(site, []);
  for (const post of posts) await admin.removePost(post);
  await setBridge(site, false);
});

describe('Freigabe Bridge: POST freigabe/v1/comments/bulk', () => {
  it('does every action as wp-admin does, answering the status before and after of each id in the order asked', async () => {
    const { ids } = await arrange(3, 'Bridge: jede Aktion');
    const [a = 0, b = 0, c = 0] = ids;
    const steps: [string, number[], string][] = [
      ['approve', [c, a, b], 'approved'],
      ['unapprove', [b, a], 'hold'],
      ['spam', [a, b], 'spam'],
      ['unspam', [a, b], 'hold'],
      ['trash', [a, c], 'trash'],
      ['untrash', [a, c], 'approved'],
    ];
    let last: Record<number, string> = { [a]: 'hold', [b]: 'hold', [c]: 'hold' };
    for (const [action, order, after] of steps) {
      const results = await bulk(wp, editor, { action, ids: order });
      expect(results.map((result) => result.id)).toEqual(order);
      for (const result of results) {
        expect(result, action).toMatchObject({ outcome: 'done', before: last[result.id] });
        if (action !== 'untrash') expect(result.after, action).toBe(after);
        expect(await status(result.id)).toBe(result.after);
      }
      last = { ...last, ...Object.fromEntries(results.map((result) => [result.id, result.after ?? ''])) };
    }
    // Restore brings back what each had before the Trash: c was approved, a pending.
    expect(last).toEqual({ [a]: 'hold', [b]: 'hold', [c]: 'approved' });

    const deleted = await bulk(wp, editor, { action: 'delete', ids: [b] });
    expect(deleted).toEqual([{ id: b, outcome: 'done', before: 'hold', after: 'deleted' }]);
    expect(await admin.exists(b)).toBe(false);
  });

  it('answers an id that is already where the action leads as done and unchanged (a request sent twice)', async () => {
    const { ids } = await arrange(2, 'Bridge: schon erledigt', { status: 'approved' });
    const results = await bulk(wp, editor, { action: 'approve', ids, expect: { [ids[0] ?? 0]: 'hold' } });
    expect(results.map(({ outcome, before, after }) => ({ outcome, before, after }))).toEqual([
      { outcome: 'done', before: 'approved', after: 'approved' },
      { outcome: 'done', before: 'approved', after: 'approved' },
    ]);
  });

  it('not spam and restore with expect: a comment someone moved out of Spam or the Trash is a conflict, not done (1.1.2)', async () => {
    // The soak (seed 4170): a user's undo of spam after a colleague approved the comment was answered done.
    const spammed = await arrange(1, 'Bridge: Spam, dann freigegeben', { status: 'spam' });
    const trashed = await arrange(1, 'Bridge: Papierkorb, dann Spam', { status: 'trash' });
    const [spamId = 0] = spammed.ids;
    const [trashId = 0] = trashed.ids;
    expect((await bulk(wp, editor, { action: 'approve', ids: [spamId] }))[0]).toMatchObject({ outcome: 'done' });
    expect((await bulk(wp, editor, { action: 'spam', ids: [trashId] }))[0]).toMatchObject({ outcome: 'done' });
    const unspam = await bulk(wp, editor, { action: 'unspam', ids: [spamId], expect: { [spamId]: 'spam' } });
    expect(unspam).toEqual([
      expect.objectContaining({ id: spamId, outcome: 'conflict', before: 'approved', after: 'approved' }),
    ]);
    const untrash = await bulk(wp, editor, { action: 'untrash', ids: [trashId], expect: { [trashId]: 'trash' } });
    expect(untrash).toEqual([expect.objectContaining({ id: trashId, outcome: 'conflict', before: 'spam' })]);
    expect([await status(spamId), await status(trashId)]).toEqual(['approved', 'spam']);
    // Without expect (a job that does not know): where not spam leads already, done and unchanged, as before.
    expect((await bulk(wp, editor, { action: 'unspam', ids: [spamId] }))[0]).toMatchObject({
      outcome: 'done',
      before: 'approved',
      after: 'approved',
    });
  });

  it('refuses per id what it must not do — a comment that is gone, another author’s comment, an editor note — and does the rest', async () => {
    const own = await arrange(1, 'Bridge: Autorin eigener Beitrag', { author: author.id });
    const other = await arrange(1, 'Bridge: fremder Beitrag');
    const gone = (await arrange(1, 'Bridge: gelöscht')).ids[0] ?? 0;
    await admin.remove(gone);
    const [ownId = 0] = own.ids;
    const [otherId = 0] = other.ids;

    const results = await bulk(wp, author, { action: 'approve', ids: [otherId, gone, ownId] });
    expect(results).toEqual([
      {
        id: otherId,
        outcome: 'failed',
        before: null,
        after: null,
        code: 'rest_cannot_edit',
        message: 'Sorry, you are not allowed to edit this comment.',
      },
      {
        id: gone,
        outcome: 'failed',
        before: null,
        after: null,
        code: 'rest_comment_invalid_id',
        message: 'Invalid comment ID.',
      },
      { id: ownId, outcome: 'done', before: 'hold', after: 'approved' },
    ]);
    expect(await status(otherId)).toBe('hold');
    const deleting = await bulk(wp, author, { action: 'delete', ids: [otherId] });
    expect(deleting[0]).toMatchObject({ outcome: 'failed', code: 'rest_cannot_delete' });
    expect(await admin.exists(otherId)).toBe(true);
  });

  it('never changes an editor note (type note: seeded on 6.9+, stored by hand on older cores)', async () => {
    const { post } = await arrange(0, 'Bridge: Notiz');
    const note = wp.notes['note-intro'] ?? (await addComments(site, post, 1, 'approved', 'note')).first;
    const admin1 = user(wp, 'admin');
    const results = await bulk(wp, admin1, { action: 'trash', ids: [note] });
    expect(results[0]).toMatchObject({ id: note, outcome: 'failed', code: 'freigabe_bridge_note' });
    expect(results[0]?.message).toMatch(/editor note/);
    const response = await fetch(`${wp.url}/wp-json/wp/v2/comments/${note}?context=edit`, {
      headers: { Authorization: basicAuth(admin1) },
    });
    expect(((await response.json()) as { status: string }).status).toBe('approved');
  });

  it('with expect, leaves a comment another moderator moved meanwhile and answers a conflict', async () => {
    const { ids } = await arrange(3, 'Bridge: Vergleichen und setzen');
    const [mine = 0, theirs = 0, same = 0] = ids;
    // Another moderator approves one and spams another before this request arrives.
    await fetch(`${wp.url}/wp-json/wp/v2/comments/${theirs}`, {
      method: 'POST',
      headers: { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'approved', author_ip: commenter.ip, author_user_agent: commenter.userAgent }),
    });
    await bulk(wp, user(wp, 'admin'), { action: 'spam', ids: [same] });

    const results = await bulk(wp, editor, {
      action: 'spam',
      ids: [mine, theirs, same],
      expect: { [mine]: 'hold', [theirs]: 'hold', [same]: 'hold' },
    });
    expect(results[0]).toEqual({ id: mine, outcome: 'done', before: 'hold', after: 'spam' });
    expect(results[1]).toMatchObject({
      id: theirs,
      outcome: 'conflict',
      before: 'approved',
      after: 'approved',
      code: 'freigabe_bridge_status_changed',
    });
    expect(results[1]?.message).toMatch(/someone else moderated it/);
    // Already where this request leads: nothing to overwrite.
    expect(results[2]).toEqual({ id: same, outcome: 'done', before: 'spam', after: 'spam' });
    expect(await status(theirs)).toBe('approved');
  });

  it('a comment another request moved there while this one worked on it: a conflict in that status, not a failure', async () => {
    await setScenarios(site, ['another-request-first']);
    try {
      const { post } = await arrange(0, 'Bridge: zwei Anfragen zugleich');
      const raced = (await admin.createComment(post, { status: 'hold', content: 'Eins [another request first]' })).id;
      const { id: plain } = await admin.createComment(post, { status: 'hold', content: 'Zwei' });
      const results = await bulk(wp, editor, {
        action: 'trash',
        ids: [raced, plain],
        expect: { [raced]: 'hold', [plain]: 'hold' },
      });
      // WordPress's own wp_set_comment_status() changed no row for the first: the other request did.
      expect(results[0]).toMatchObject({
        id: raced,
        outcome: 'conflict',
        before: 'trash',
        after: 'trash',
        code: 'freigabe_bridge_status_changed',
      });
      expect(results[1]).toEqual({ id: plain, outcome: 'done', before: 'hold', after: 'trash' });
      expect(await status(raced)).toBe('trash');
    } finally {
      await setScenarios(site, []);
    }
  });

  it('leaves the commenter’s IP address and browser as they were', async () => {
    const { ids } = await arrange(2, 'Bridge: IP und Browser');
    for (const action of ['approve', 'spam', 'unspam', 'trash', 'untrash']) {
      await bulk(wp, editor, { action, ids });
      for (const id of ids) {
        const stored = await admin.read(id);
        expect({ ip: stored.author_ip, userAgent: stored.author_user_agent }, action).toEqual(commenter);
      }
    }
  });
});

describe('Freigabe Bridge: counts right after a bulk request', () => {
  beforeAll(async () => {
    await setScenarios(site, ['comment-counts']);
  });

  it('leaves the post’s comment count, wp-admin’s status counts and REST’s totals right', async () => {
    const { post, ids } = await arrange(5, 'Bridge: Zahlen');
    const counts = async () => {
      const response = await fetch(`${wp.url}/wp-json/freigabe-test/v1/counts/${post}`, {
        headers: { Authorization: basicAuth(user(wp, 'admin')) },
      });
      return (await response.json()) as Record<string, number>;
    };
    expect(await counts()).toEqual({ commentCount: 0, approved: 0, moderated: 5, spam: 0, trash: 0 });
    await bulk(wp, editor, { action: 'approve', ids: ids.slice(0, 3) });
    expect(await counts()).toEqual({ commentCount: 3, approved: 3, moderated: 2, spam: 0, trash: 0 });
    await bulk(wp, editor, { action: 'trash', ids: ids.slice(2, 4) });
    await bulk(wp, editor, { action: 'spam', ids: ids.slice(4) });
    expect(await counts()).toEqual({ commentCount: 2, approved: 2, moderated: 0, spam: 1, trash: 2 });
    expect(await commentTotal(wp, editor, { post: String(post), status: 'approve' })).toBe(2);
    expect(await commentTotal(wp, editor, { post: String(post), status: 'trash' })).toBe(2);
    await bulk(wp, editor, { action: 'delete', ids: ids.slice(2) });
    expect(await counts()).toEqual({ commentCount: 2, approved: 2, moderated: 0, spam: 0, trash: 0 });
  });
});

describe('Freigabe Bridge: requests it refuses as a whole', () => {
  let pending = 0;
  beforeAll(async () => {
    pending = (await arrange(1, 'Bridge: abgelehnt')).ids[0] ?? 0;
  });

  it('refuses more ids than it announces, saying how many it takes', async () => {
    const ids = [pending, ...Array.from({ length: 1000 }, (_, i) => 10_000_000 + i)];
    const { status: http, json } = await bulkRequest(wp, editor, { action: 'approve', ids });
    expect(http).toBe(400);
    expect(json.code).toBe('freigabe_bridge_too_many_ids');
    expect(json.message).toBe(
      'At most 1000 comments can be changed in one request; this one names 1001. Send them in parts.',
    );
    expect(await status(pending)).toBe('hold');
  });

  it('refuses an empty list, an unknown action, ids that are not ids and a bad expect', async () => {
    const cases: [Parameters<typeof bulkRequest>[2], string, RegExp][] = [
      [{ action: 'approve', ids: [] }, 'freigabe_bridge_no_ids', /at least one comment/],
      [
        { action: 'banana', ids: [pending] },
        'freigabe_bridge_unknown_action',
        /no action "banana".*approve, unapprove/,
      ],
      [{ action: 'approve', ids: [pending, 'x'] }, 'rest_invalid_param', /ids/],
      [{ action: 'approve', ids: [pending, -3] }, 'rest_invalid_param', /ids/],
      [{ action: 'approve', ids: [pending], expect: { [pending]: 'pending' } }, 'rest_invalid_param', /expect/],
    ];
    for (const [body, code, message] of cases) {
      const { status: http, json } = await bulkRequest(wp, editor, body);
      expect({ http, code: json.code }, JSON.stringify(body)).toEqual({ http: 400, code });
      expect(json.message).toMatch(message);
    }
    expect(await status(pending)).toBe('hold');
  });

  it('answers a signed-out request with 401', async () => {
    const { status: http, json } = await bulkRequest(wp, null, { action: 'approve', ids: [pending] });
    expect(http).toBe(401);
    expect(json.code).toBe('rest_forbidden');
    expect(await status(pending)).toBe('hold');
  });
});
