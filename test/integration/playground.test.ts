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
    const pending = await client.listComments({ status: 'hold', type: 'all', perPage: 100 });
    expect(pending.total).toBe(demoPosts.flatMap((p) => p.comments).filter((c) => c.status === 'hold').length);
  });
});
