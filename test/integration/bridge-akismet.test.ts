/**
 * Akismet (scenario `akismet`) with the Freigabe Bridge: spam and not spam through the bulk route
 * write the Akismet history wp-admin's list screen writes, and report the commenter's own IP
 * address and browser, as the moderator — Akismet's hooks fire as they do in wp-admin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setBridge, setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';
import { bulk } from '../support/bridge.ts';
import { basicAuth, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { commentScreen } from '../support/wp-admin-screen.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const commenter = {
  ip: '198.51.100.201',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};
let post = 0;
const ids: number[] = [];

interface AkismetRecord {
  history: { event: string; user: string }[];
  calls: { path: string; user_ip: string; user_agent: string; reporter: string }[];
}

async function akismetOf(id: number): Promise<AkismetRecord> {
  const response = await fetch(`${wp.url}/wp-json/freigabe-test/v1/akismet/${id}`, {
    headers: { Authorization: basicAuth(user(wp, 'admin')) },
  });
  if (!response.ok) throw new Error(`akismet record ${id}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as AkismetRecord;
}

const events = (record: AkismetRecord) => record.history.map(({ event, user }) => `${event} by ${user}`);
const reported = (record: AkismetRecord) => [
  ...new Set(record.calls.map((call) => `${call.path} ip=${call.user_ip} ua=${call.user_agent} by ${call.reporter}`)),
];

beforeAll(async () => {
  await setScenarios(site, []);
  await setBridge(site, true);
  post = await admin.createPost({ title: 'Bridge: Akismet' });
  for (let i = 0; i < 3; i++) ids.push((await admin.createComment(post, { status: 'hold', ...commenter })).id);
  await setScenarios(site, ['akismet']);
});

afterAll(async () => {
  await setScenarios(site, []);
  await setOptions(site, { freigabe_akismet_calls: null });
  await admin.removePost(post);
  await setBridge(site, false);
});

describe('Freigabe Bridge with Akismet', () => {
  it('spam and not spam write the history wp-admin writes and report the commenter’s own IP and browser', async () => {
    const [first = 0, second = 0, viaAdmin = 0] = ids;
    const screen = await commentScreen(wp, editor);
    const spammed = await bulk(wp, editor, {
      action: 'spam',
      ids: [first, second],
      expect: { [first]: 'hold', [second]: 'hold' },
    });
    expect(spammed.map((result) => result.outcome)).toEqual(['done', 'done']);
    await screen.spam(viaAdmin);
    const unspammed = await bulk(wp, editor, { action: 'unspam', ids: [first, second] });
    expect(unspammed.map((result) => result.after)).toEqual(['hold', 'hold']);
    await screen.notSpam(viaAdmin);

    const wpAdmin = await akismetOf(viaAdmin);
    expect(events(wpAdmin)).toEqual([`report-spam by ${editor.login}`, `report-ham by ${editor.login}`]);
    const expected = [
      `/1.1/submit-spam ip=${commenter.ip} ua=${commenter.userAgent} by ${editor.login}`,
      `/1.1/submit-ham ip=${commenter.ip} ua=${commenter.userAgent} by ${editor.login}`,
    ];
    expect(reported(wpAdmin)).toEqual(expected);
    for (const id of [first, second]) {
      const record = await akismetOf(id);
      expect(events(record), String(id)).toEqual(events(wpAdmin));
      expect(reported(record), String(id)).toEqual(expected);
    }
  });
});
