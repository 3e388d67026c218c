/** Runs one action of setup.php inside a running site (seeding, theme, scenarios, options). */
import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDeadline } from '../deadline.ts';
import { demoNotes, demoPosts, demoUsers } from './demo-content.ts';
import type { RunningBackend } from './types.ts';
import { phpDir } from './wp-files.ts';

/** Drops setup.php into the site under a one-time name, requests it, and removes it again. */
export async function runSetup<T>(
  running: Pick<RunningBackend, 'url' | 'wordpressDir'>,
  action: string,
  params: Record<string, string>,
  seed?: { theme: string; network?: unknown },
): Promise<T> {
  const name = `freigabe-setup-${randomBytes(8).toString('hex')}.php`;
  const script = join(running.wordpressDir, name);
  const input = join(running.wordpressDir, 'freigabe-demo.json');
  copyFileSync(join(phpDir, 'setup.php'), script);
  if (seed) {
    writeFileSync(
      input,
      JSON.stringify({
        users: demoUsers,
        posts: demoPosts,
        notes: demoNotes,
        theme: seed.theme,
        network: seed.network,
      }),
    );
  }
  try {
    const query = new URLSearchParams({ action, ...params });
    // Below the tests' hook timeout (180 s), far above the longest setup seen (10,000 comments, seconds).
    const { response, body } = await withDeadline(`WordPress setup "${action}"`, 150_000, async () => {
      const response = await fetch(`${running.url}/${name}?${query}`);
      return { response, body: await response.text() };
    });
    if (!response.ok)
      throw new Error(`WordPress setup "${action}" failed: HTTP ${response.status} ${body.slice(0, 500)}`);
    return JSON.parse(body) as T;
  } finally {
    rmSync(script, { force: true });
    rmSync(input, { force: true });
  }
}
