/**
 * The test's witness (scenario `status-ledger`): every status change and permanent delete on the
 * server is one ledger row; setting a status a comment already has is none. Later tests count
 * "changed exactly once" with it, so it must count right.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { changesPerComment, clearLedger, readLedger } from '../../scripts/wp/status-ledger.ts';
import { postId, restClient, restRoot, user } from '../support/rest.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = restClient(restRoot(wp), user(wp, 'admin'));

describe('the status ledger', () => {
  beforeAll(async () => {
    await setScenarios(site, ['status-ledger']);
    await clearLedger(wp);
  });
  afterAll(async () => {
    await setScenarios(site, []);
  });

  it('records each change once, a repeated status not at all, and a permanent delete', async () => {
    const { id } = await admin<{ id: number }>('POST', 'wp/v2/comments', {
      post: postId(wp, wp.posts[0]?.key ?? ''),
      content: 'Witnessed by the ledger.',
      author_name: 'Ledger',
      author_email: 'ledger@example.org',
      status: 'hold',
    });
    const start = (await readLedger(wp)).at(-1)?.id ?? 0;
    await admin('POST', `wp/v2/comments/${id}`, { status: 'approved' });
    await admin('POST', `wp/v2/comments/${id}`, { status: 'approved' });
    await admin('POST', `wp/v2/comments/${id}`, { status: 'spam' });
    await admin('DELETE', `wp/v2/comments/${id}?force=true`);

    const entries = (await readLedger(wp, start)).filter((entry) => entry.comment === id);
    expect(entries.map((entry) => [entry.from, entry.to])).toEqual([
      ['unapproved', 'approved'],
      ['approved', 'spam'],
      ['spam', 'deleted'],
    ]);
    expect(entries.every((entry) => entry.user === user(wp, 'admin').id)).toBe(true);
    expect(changesPerComment(entries).get(id)).toBe(3);
  });

  it('is read and emptied by administrators only', async () => {
    const editor = restClient(restRoot(wp), user(wp, 'editor'));
    await expect(editor('GET', 'freigabe-test/v1/ledger')).rejects.toThrow(/HTTP 403/);
    await clearLedger(wp);
    expect(await readLedger(wp)).toEqual([]);
  });
});
