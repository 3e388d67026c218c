/** A connected test site in a fresh database, talking to a fake WordPress, with a clock the test moves. */
import type { BackgroundContext } from '../../src/background/context.ts';
import type { SiteRow } from '../../src/shared/db/index.ts';
import { testContext } from './background-context.ts';
import { type FakeComment, fakeWordPress } from './fake-wordpress.ts';
import { testSite, testSiteId } from './rows.ts';

export const siteId = testSiteId;

export async function connectedSite(
  comments: FakeComment[],
  {
    site,
    wordpressOptions,
    ...overrides
  }: {
    site?: Partial<SiteRow>;
    wordpressOptions?: Parameters<typeof fakeWordPress>[1];
  } & Partial<BackgroundContext> = {},
) {
  const wordpress = fakeWordPress(comments, wordpressOptions);
  const clock = { now: 1_000_000 };
  const ctx = testContext({ fetch: wordpress.fetch, now: () => clock.now, random: () => 0.5, ...overrides });
  await ctx.db.sites.put(testSite(site));
  await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  return { ctx, wordpress, clock };
}

/** One comment on the fake WordPress (post 4, an ordinary comment unless told otherwise). */
export const fakeComment = (id: number, status: string, extra: Partial<FakeComment> = {}): FakeComment => ({
  id,
  post: 4,
  status,
  type: 'comment',
  ...extra,
});

export const pendingComments = (count: number, post = 4, start = 1): FakeComment[] =>
  Array.from({ length: count }, (_, i) => ({ id: start + i, post, status: 'hold', type: 'comment' }));

/** The ids of the site's cached comments in this status, ascending. */
export async function cachedIds(ctx: BackgroundContext, status: string): Promise<number[]> {
  return (await ctx.db.comments.where('[siteId+status]').equals([siteId, status]).primaryKeys()).map(([, id]) => id);
}

/** A fetch that fails for the requests `fails` picks (as if the network dropped there). */
export function failingWhere(inner: typeof fetch, fails: (url: URL) => boolean): typeof fetch {
  return async (input, init) => {
    if (fails(new URL(String(input)))) throw new TypeError('Failed to fetch');
    return inner(input, init);
  };
}
