/**
 * Connecting from Node against the real WordPress: a background context whose fetch is the
 * browser's (cookies of a login, a web-server password it holds), with host access granted, and
 * what the user is told when connecting fails.
 */
import type { SiteInfo } from '../../scripts/wp/index.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { ReplyError } from '../../src/background/reply-error.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { testContext } from './background-context.ts';
import { browserFetch, logIn } from './browser-session.ts';
import { grantedOrigins } from './fake-browser.ts';
import { user } from './rest.ts';

/** A context as a browser logged in to WordPress `as` that user (or nobody), holding `httpAuth` if given. */
export async function connectContext(
  wp: SiteInfo,
  { as, httpAuth }: { as?: 'admin' | 'editor' | 'author'; httpAuth?: string } = {},
): Promise<BackgroundContext> {
  const account = as ? user(wp, as) : null;
  const cookies = account ? await logIn(wp.url, account.login, account.password, { httpAuth }) : undefined;
  grantedOrigins.add(originPattern(wp.url));
  return testContext({ fetch: browserFetch({ cookies, httpAuth }) });
}

/** The error a connect attempt ends with: its code and message, as the page that asked gets them. */
export async function refusal(attempt: Promise<unknown>): Promise<{ code: string; message: string }> {
  const outcome = await attempt.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
  const error = outcome.error;
  if (!(error instanceof ReplyError)) throw error;
  return { code: error.code, message: error.message };
}
