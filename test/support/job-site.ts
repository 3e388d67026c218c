/**
 * Bulk jobs against the real WordPress: a site row signed in with a demo user's Application
 * Password (no first sync: the jobs read the server themselves), a fetch that counts the status
 * changes reaching WordPress per comment (the exactly-once oracle), and a runner that works the
 * jobs until none is running.
 */
import type { SiteInfo } from '../../scripts/wp/index.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { runJobs } from '../../src/background/jobs/run.ts';
import { memoryLocks } from '../../src/background/locks.ts';
import { testContext } from './background-context.ts';
import { user } from './rest.ts';
import { testSite } from './rows.ts';

export async function jobSite(
  wp: SiteInfo,
  key: 'editor' | 'author' | 'admin',
  overrides: Partial<BackgroundContext> = {},
): Promise<{ ctx: BackgroundContext; siteId: string }> {
  const account = user(wp, key);
  const ctx = testContext({ locks: memoryLocks(), ...overrides });
  const siteId = `${wp.url}/wp-json/`;
  await ctx.db.sites.put(
    testSite({
      id: siteId,
      origin: new URL(wp.url).origin,
      home: wp.url,
      siteUrl: wp.url,
      name: 'Jobs',
      userId: account.id,
      userName: account.displayName,
      mode: key === 'author' ? 'author' : 'moderator',
    }),
  );
  await ctx.db.credentials.put({
    siteId,
    auth: { kind: 'application-password', username: account.login, password: account.applicationPassword },
  });
  return { ctx, siteId };
}

/** Writes (POST or DELETE of one comment) that reached WordPress, per comment id. */
export function countingFetch(inner: typeof fetch = fetch) {
  const writes = new Map<number, number>();
  const counted: typeof fetch = async (input, init) => {
    const method = init?.method ?? 'GET';
    const match = /\/wp\/v2\/comments\/(\d+)/.exec(decodeURIComponent(String(input)));
    if (match && method !== 'GET') writes.set(Number(match[1]), (writes.get(Number(match[1])) ?? 0) + 1);
    return inner(input, init);
  };
  return { fetch: counted, writes };
}

/** Runs the jobs until none is running (waits included); fails instead of hanging. */
export async function runUntilSettled(ctx: BackgroundContext, rounds = 50): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await runJobs(ctx, { limits: { maxMs: 120_000, maxSleepMs: 60_000 } });
    if ((await ctx.db.jobs.where('state').equals('running').count()) === 0) return;
  }
  throw new Error('jobs still running');
}
