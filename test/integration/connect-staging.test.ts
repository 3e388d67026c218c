/**
 * A staging site behind a password of its web server (HTTP Basic auth, as an .htpasswd lock),
 * against the real WordPress: Freigabe says so instead of "not a WordPress site"; the browser's
 * session connects once the browser holds that password (as after entering it in a tab); the two
 * Application Password sign-ins are refused with the reason; nothing waits for a timeout.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setScenarios, stagingLogin } from '../../scripts/wp/scenarios.ts';
import { startAuthorization } from '../../src/background/sites/authorize.ts';
import { checkSite } from '../../src/background/sites/check.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { connectWithSession } from '../../src/background/sites/session.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { withStatus } from '../../src/shared/db/comment-ranges.ts';
import { DiscoveryError, discoverSite } from '../../src/shared/wp/discover.ts';
import { basicHeader, browserFetch, logIn } from '../support/browser-session.ts';
import { connectContext, refusal } from '../support/connect-harness.ts';
import { resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const host = new URL(wp.url).host;
const stagingPassword = basicHeader(stagingLogin.user, stagingLogin.password);

beforeEach(async () => {
  resetFakeBrowser();
  await setScenarios(site, ['staging-basic-auth']);
});
afterAll(() => setScenarios(site, []));

describe('a staging site behind HTTP Basic auth (staging-basic-auth)', () => {
  it('answers every request without the password with 401 and WWW-Authenticate, as an .htpasswd lock does', async () => {
    for (const path of ['/', '/wp-login.php', '/wp-json/', '/wp-admin/admin-ajax.php?action=rest-nonce']) {
      const response = await fetch(`${wp.url}${path}`);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('WWW-Authenticate'), path).toBe('Basic realm="Staging"');
    }
    expect((await fetch(`${wp.url}/wp-json/`, { headers: { Authorization: stagingPassword } })).status).toBe(200);
  });

  it('discovery says "HTTP authentication", not "does not look like a WordPress site"', async () => {
    const error = await discoverSite(wp.url).catch((caught: DiscoveryError) => caught);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error).toMatchObject({ reason: 'http-auth', details: { realm: 'Staging' } });
  });

  it('before the password is entered: the site check and the session say what to do', async () => {
    const ctx = await connectContext(wp);
    const check = await checkSite(ctx, { url: wp.url });
    expect(check.sessionNote).toContain(`${host} asks for the password of its web server first`);
    expect(check.appPasswordsUnavailable?.code).toBe('http_auth_blocks_application_passwords');
    const { code, message } = await refusal(connectWithSession(ctx, { url: wp.url }));
    expect(code).toBe('http_auth_required');
    expect(message).toContain(`${host} is protected by a password of its web server (HTTP authentication)`);
    expect(message).toContain('enter that password when the browser asks, log in to WordPress there');
  });

  it('an Application Password cannot get past it (same Authorization header): refused with that reason', async () => {
    const ctx = await connectContext(wp, { as: 'editor', httpAuth: stagingPassword });
    const { code, message } = await refusal(
      connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword }),
    );
    expect(code).toBe('http_auth_blocks_application_passwords');
    expect(message).toContain('ask your host to exclude /wp-json/');
  });

  it('WordPress refuses its authorize screen behind it; Freigabe does not open it and says why', async () => {
    const cookies = await logIn(wp.url, editor.login, editor.password, { httpAuth: stagingPassword });
    const screen = await fetch(`${wp.url}/wp-admin/authorize-application.php?app_name=Freigabe`, {
      headers: { Cookie: cookies, Authorization: stagingPassword },
    });
    expect(screen.status).toBe(501);
    expect(await screen.text()).toContain('Your website appears to use Basic Authentication');
    const ctx = await connectContext(wp, { as: 'editor', httpAuth: stagingPassword });
    expect((await refusal(startAuthorization(ctx, { url: wp.url }))).code).toBe(
      'http_auth_blocks_application_passwords',
    );
  });

  it('with the password entered and logged in, the browser session connects and syncs', async () => {
    const ctx = await connectContext(wp, { as: 'editor', httpAuth: stagingPassword });
    const check = await checkSite(ctx, { url: wp.url });
    expect(check).toMatchObject({ loggedInAs: 'Rainer Redaktion' });
    const connected = await connectWithSession(ctx, { url: wp.url });
    expect(connected).toMatchObject({ mode: 'moderator', signIn: 'session' });
    expect(await withStatus(ctx.db, 'hold').count()).toBeGreaterThan(0);

    // The browser forgets the web server's password when it restarts: the site asks to enter it again.
    const cookies = await logIn(wp.url, editor.login, editor.password, { httpAuth: stagingPassword });
    ctx.fetch = browserFetch({ cookies });
    await syncPending(ctx, connected.siteId).catch(() => undefined);
    expect(await ctx.db.sites.get(connected.siteId)).toMatchObject({
      status: 'needs-login',
      statusMessage: expect.stringContaining('asks for its own password (HTTP authentication)'),
    });
  });
});
