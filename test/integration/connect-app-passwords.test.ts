/**
 * Connecting where Application Passwords are unavailable, against the real WordPress: switched off
 * for the whole site (Wordfence's default) or allowed to administrators only. The site check says
 * so from WordPress's own answers, the two Application Password sign-ins are refused with that
 * reason (never "wrong password"), and the browser session still connects.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { completeAuthorization, startAuthorization } from '../../src/background/sites/authorize.ts';
import { watchAuthorizeTab } from '../../src/background/sites/authorize-watch.ts';
import { checkSite } from '../../src/background/sites/check.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { connectWithSession } from '../../src/background/sites/session.ts';
import { withStatus } from '../../src/shared/db/comment-ranges.ts';
import { connectContext, refusal } from '../support/connect-harness.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const admin = user(wp, 'admin');

beforeEach(() => resetFakeBrowser());
afterAll(() => setScenarios(site, []));

/** Every request a context made, with whether it carried an Authorization header. */
function recording(ctx: Awaited<ReturnType<typeof connectContext>>) {
  const requests: { url: string; authorization: boolean }[] = [];
  const inner = ctx.fetch;
  ctx.fetch = (input, init) => {
    requests.push({ url: String(input), authorization: new Headers(init?.headers).has('Authorization') });
    return inner(input, init);
  };
  return requests;
}

describe('Application Passwords switched off for the site (no-application-passwords)', () => {
  beforeEach(() => setScenarios(site, ['no-application-passwords']));

  it('the site check offers the browser session and says why the other two cannot work, and how to enable them', async () => {
    const check = await checkSite(await connectContext(wp, { as: 'editor' }), { url: wp.url });
    expect(check).toMatchObject({ name: 'Freigabe Demo', loggedInAs: 'Rainer Redaktion' });
    expect(check.sessionNote).toBe('You are logged in to Freigabe Demo as Rainer Redaktion.');
    expect(check.appPasswordsUnavailable?.code).toBe('application_passwords_disabled');
    expect(check.appPasswordsUnavailable?.message).toContain('WordPress says Application Passwords are switched off');
    expect(check.appPasswordsUnavailable?.message).toContain(
      'Wordfence: Login Security → Settings → uncheck “Disable WordPress application passwords”',
    );
  });

  it('a pasted (right) password is refused with that reason before it is sent, never as a wrong password', async () => {
    const ctx = await connectContext(wp);
    const requests = recording(ctx);
    const { code, message } = await refusal(
      connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword }),
    );
    expect(code).toBe('application_passwords_disabled');
    expect(message).not.toContain('did not accept');
    expect(requests.filter((request) => request.authorization)).toEqual([
      // discovery asks with it only where visitors are refused; here nothing was
    ]);
    expect(await ctx.db.sites.count()).toBe(0);
  });

  it('“Sign in with WordPress” does not open WordPress’s screen, and says why', async () => {
    const ctx = await connectContext(wp, { as: 'editor' });
    expect((await refusal(startAuthorization(ctx, { url: wp.url }))).code).toBe('application_passwords_disabled');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.filter((tab) => tab.url?.includes('authorize-application.php'))).toEqual([]);
  });

  it('the browser session still connects', async () => {
    const ctx = await connectContext(wp, { as: 'editor' });
    const connected = await connectWithSession(ctx, { url: wp.url });
    expect(connected).toMatchObject({ mode: 'moderator', signIn: 'session', userName: 'Rainer Redaktion' });
    expect(await withStatus(ctx.db, 'hold').count()).toBeGreaterThan(0);
  });
});

describe('Application Passwords for administrators only (application-passwords-for-admins)', () => {
  beforeEach(() => setScenarios(site, ['application-passwords-for-admins']));

  it('the site check tells an editor they are not offered to this account; an administrator gets both', async () => {
    const forEditor = await checkSite(await connectContext(wp, { as: 'editor' }), { url: wp.url });
    expect(forEditor.appPasswordsUnavailable).toMatchObject({ code: 'application_passwords_disabled_for_user' });
    expect(forEditor.appPasswordsUnavailable?.message).toContain(
      'cannot work for Rainer Redaktion on Freigabe Demo: WordPress offers Application Passwords on this site to some accounts only',
    );
    const forAdmin = await checkSite(await connectContext(wp, { as: 'admin' }), { url: wp.url });
    expect(forAdmin).toMatchObject({ loggedInAs: 'Sabine Admin', appPasswordsUnavailable: null });
  });

  it('an editor’s pasted password, from a browser logged in nowhere, is refused for the account, not as wrong', async () => {
    const ctx = await connectContext(wp);
    const { code, message } = await refusal(
      connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword }),
    );
    expect(code).toBe('application_passwords_disabled_for_user');
    expect(message).toContain(`cannot work for ${editor.login} on Freigabe Demo`);
    expect(message).not.toContain('did not accept');
  });

  it('an administrator’s pasted password connects', async () => {
    const ctx = await connectContext(wp);
    const connected = await connectWithPassword(ctx, {
      url: wp.url,
      username: admin.login,
      password: admin.applicationPassword,
    });
    expect(connected).toMatchObject({ mode: 'moderator', signIn: 'password' });
  });

  it('WordPress’s error page on the authorize screen comes back to Freigabe with the reason', async () => {
    // Logged out when starting (nothing to check the account with), the editor logs in on
    // WordPress's screen, which then shows its error page instead.
    const started = await connectContext(wp);
    const { authorizeUrl } = await startAuthorization(started, { url: wp.url });
    const [tab] = (await fakeBrowser.tabs.query({})).filter((candidate) => candidate.url === authorizeUrl);
    const tabId = tab?.id ?? -1;
    const loggedIn = await connectContext(wp, { as: 'editor' });
    await watchAuthorizeTab(loggedIn, tabId, { status: 'complete' }, { url: authorizeUrl });
    const callback = new URL((await fakeBrowser.tabs.get(tabId))?.url ?? '');
    expect(callback.pathname).toBe('/src/connect/callback.html');
    expect(callback.searchParams.get('error')).toBe('refused');
    expect(callback.searchParams.get('wordpress')).toContain(
      'Application passwords are not available for your account',
    );
    const { code, message } = await refusal(
      completeAuthorization(loggedIn, {
        state: callback.searchParams.get('state') ?? '',
        error: 'refused',
        wordpressSays: callback.searchParams.get('wordpress') ?? '',
      }),
    );
    expect(code).toBe('application_passwords_disabled_for_user');
    expect(message).toContain('cannot work for Rainer Redaktion on Freigabe Demo');
  });

  it('leaves the authorize screen alone where WordPress shows it (an administrator)', async () => {
    const started = await connectContext(wp);
    const { authorizeUrl } = await startAuthorization(started, { url: wp.url });
    const [tab] = (await fakeBrowser.tabs.query({})).filter((candidate) => candidate.url === authorizeUrl);
    await watchAuthorizeTab(
      await connectContext(wp, { as: 'admin' }),
      tab?.id ?? -1,
      { status: 'complete' },
      { url: authorizeUrl },
    );
    expect((await fakeBrowser.tabs.get(tab?.id ?? -1))?.url).toBe(authorizeUrl);
  });
});

describe('a wrong password where Application Passwords work', () => {
  beforeEach(() => setScenarios(site, []));

  it('is called wrong, with certainty: XML-RPC refused it and WordPress offers them to the account', async () => {
    const { code, message } = await refusal(
      connectWithPassword(await connectContext(wp), {
        url: wp.url,
        username: editor.login,
        password: 'abcd efgh ijkl mnop qrst uvwx',
      }),
    );
    expect(code).toBe('wrong_credentials');
    expect(message).toBe(
      'Freigabe Demo did not accept this user name and Application Password. Check both, or create a new Application Password in your WordPress profile (Users → Profile → Application Passwords).',
    );
  });

  it('an unknown user name is wrong too, with the hint for an account that has none', async () => {
    const { code, message } = await refusal(
      connectWithPassword(await connectContext(wp), {
        url: wp.url,
        username: 'niemand',
        password: 'abcd efgh ijkl mnop',
      }),
    );
    expect(code).toBe('wrong_credentials');
    expect(message).toContain('If your profile has no “Application Passwords” section');
  });
});
