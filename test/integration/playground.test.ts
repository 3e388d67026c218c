/**
 * The Playground backend (npm only, PHP as WebAssembly) must not rot: start it, seed it, list the
 * pending queue over REST. Slow (~15–30 s), so it is the only test that runs on it.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPosts } from '../../scripts/wp/demo-content.ts';
import { startWordPress, type WordPressSite } from '../../scripts/wp/index.ts';
import { createWpClient } from '../../src/shared/wp/client.ts';
import { testSites } from '../support/ports.ts';

let site: WordPressSite | undefined;
afterAll(async () => {
  await site?.stop();
});

describe('Playground backend', () => {
  it('starts, seeds the demo and answers the pending queue over REST', { timeout: 240_000 }, async () => {
    const { port, dir } = testSites.playground;
    rmSync(dir, { recursive: true, force: true });
    site = await startWordPress({ backend: 'playground', port, dir, log: () => undefined });
    expect(site.info.backend).toBe('playground');
    expect(site.info.describe).toContain('WebAssembly');
    const editor = site.info.users.find((u) => u.key === 'editor');
    const client = createWpClient({
      root: `${site.url}/wp-json/`,
      auth: {
        kind: 'application-password',
        username: editor?.login ?? '',
        password: editor?.applicationPassword ?? '',
      },
    });
    const me = await client.me();
    expect(me.capabilities?.moderate_comments).toBe(true);
    const pending = await client.listComments({ status: 'hold', type: 'all', perPage: 100, context: 'edit' });
    expect(pending.total).toBe(demoPosts.flatMap((p) => p.comments).filter((c) => c.status === 'hold').length);

    // The quirks the client relies on hold on WordPress 6.5 too: commenter data kept when sent back,
    // the same status twice is done, a second trash is "already".
    const lena = pending.items.find((c) => c.author_name === 'Lena Vogt');
    if (!lena) throw new Error('Lena’s pending comment is missing');
    const preserve = { ip: lena.author_ip ?? null, userAgent: lena.author_user_agent ?? null };
    expect((await client.setStatus(lena.id, 'approved', preserve)).outcome).toBe('done');
    expect((await client.setStatus(lena.id, 'approved', preserve)).outcome).toBe('done');
    const approved = await client.getComment(lena.id, 'edit');
    expect(approved).toMatchObject({ status: 'approved', author_ip: '198.51.100.90' });
    expect((await client.trash(lena.id)).outcome).toBe('done');
    expect((await client.trash(lena.id)).outcome).toBe('already');
  });
});
