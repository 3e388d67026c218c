/**
 * A refused Application Password, against the real WordPress, where the web server strips the
 * Authorization header and XML-RPC is on, switched off, or blocked. What WordPress answers is
 * asserted first (the facts the diagnosis stands on), then what the user is told: the header is
 * stripped, the password is wrong, or Freigabe cannot tell — and why.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { completeAuthorization, startAuthorization } from '../../src/background/sites/authorize.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { checkCredentialsOverXmlRpc } from '../../src/shared/wp/xmlrpc-probe.ts';
import { basicHeader } from '../support/browser-session.ts';
import { connectContext, refusal } from '../support/connect-harness.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const admin = user(wp, 'admin');
const wrong = 'abcd efgh ijkl mnop qrst uvwx';

beforeEach(() => resetFakeBrowser());
afterAll(() => setScenarios(site, []));

/** What WordPress's REST API answers users/me with these credentials: status and error code. */
async function restAnswer(login: string, password: string) {
  const response = await fetch(`${wp.url}/wp-json/wp/v2/users/me`, {
    headers: { Authorization: basicHeader(login, password.replace(/\s+/g, '')) },
  });
  return { status: response.status, code: ((await response.json()) as { code?: string }).code ?? null };
}

const paste = async (login: string, password: string, as?: 'admin' | 'editor') =>
  refusal(connectWithPassword(await connectContext(wp, { as }), { url: wp.url, username: login, password }));

describe('what WordPress answers (the facts the diagnosis stands on)', () => {
  it('over REST a wrong password and a stripped header look the same: 401 rest_not_logged_in', async () => {
    await setScenarios(site, []);
    expect(await restAnswer(editor.login, wrong)).toEqual({ status: 401, code: 'rest_not_logged_in' });
    expect(await restAnswer('niemand', wrong)).toEqual({ status: 401, code: 'rest_not_logged_in' });
    await setScenarios(site, ['strip-authorization']);
    expect(await restAnswer(editor.login, editor.applicationPassword)).toEqual({
      status: 401,
      code: 'rest_not_logged_in',
    });
  });

  it('XML-RPC: the blogs when right, fault 403 for any refusal (also an account without Application Passwords), 405 off, HTTP 403 blocked', async () => {
    const check = (login: string, password: string) => checkCredentialsOverXmlRpc(wp.url, login, password);
    await setScenarios(site, ['strip-authorization']);
    expect(await check(editor.login, editor.applicationPassword)).toBe('valid');
    expect(await check(editor.login, wrong)).toBe('rejected');
    await setScenarios(site, ['application-passwords-for-admins']);
    expect(await check(editor.login, editor.applicationPassword)).toBe('rejected');
    await setScenarios(site, ['xmlrpc-disabled']);
    expect(await check(editor.login, editor.applicationPassword)).toBe('disabled');
    await setScenarios(site, ['xmlrpc-forbidden']);
    expect(await check(editor.login, editor.applicationPassword)).toBe('blocked');
  });
});

describe('Authorization header stripped, XML-RPC on (strip-authorization)', () => {
  beforeEach(() => setScenarios(site, ['strip-authorization']));

  it('a right password: the header is stripped, the password is right (XML-RPC accepted it)', async () => {
    const { code, message } = await paste(editor.login, editor.applicationPassword);
    expect(code).toBe('authorization_header_stripped');
    expect(message).toContain('The user name and Application Password are right, but the web server of Freigabe Demo');
    expect(message).toContain('CGIPassAuth On');
  });

  it('a wrong password: wrong', async () => {
    expect((await paste(editor.login, wrong)).code).toBe('wrong_credentials');
  });
});

describe('Authorization header stripped AND XML-RPC switched off (strip-authorization + xmlrpc-disabled)', () => {
  beforeEach(() => setScenarios(site, ['strip-authorization', 'xmlrpc-disabled']));

  it('without a session nothing can tell: the user is told so, with both causes and both fixes', async () => {
    for (const password of [editor.applicationPassword, wrong]) {
      const { code, message } = await paste(editor.login, password);
      expect(code).toBe('credentials_not_checked');
      expect(message).toContain('Freigabe cannot tell why');
      expect(message).toContain('XML-RPC, which could tell, is switched off on this site');
      expect(message).not.toContain('did not accept');
    }
  });

  it('with an administrator’s session, WordPress’s own header check says the header is missing', async () => {
    const { code, message } = await paste(admin.login, admin.applicationPassword, 'admin');
    expect(code).toBe('authorization_header_stripped');
    expect(message).toContain('WordPress’s own check finds it missing'.replace('’', "'"));
  });

  it('a password WordPress has just made on its authorize screen: the header is stripped', async () => {
    const ctx = await connectContext(wp, { as: 'editor' });
    await startAuthorization(ctx, { url: wp.url });
    const [key] = Object.keys(await fakeBrowser.storage.session.get(null)).filter((name) =>
      name.startsWith('authorize:'),
    );
    const { code, message } = await refusal(
      completeAuthorization(ctx, {
        state: key?.slice('authorize:'.length) ?? '',
        siteUrl: wp.url,
        userLogin: editor.login,
        password: editor.applicationPassword,
      }),
    );
    expect(code).toBe('authorization_header_stripped');
    expect(message).toContain('are right');
  });
});

describe('Authorization header stripped AND xmlrpc.php blocked (strip-authorization + xmlrpc-forbidden)', () => {
  beforeEach(() => setScenarios(site, ['strip-authorization', 'xmlrpc-forbidden']));

  it('cannot tell, and says XML-RPC is blocked', async () => {
    const { code, message } = await paste(editor.login, editor.applicationPassword);
    expect(code).toBe('credentials_not_checked');
    expect(message).toContain('XML-RPC, which could tell, is blocked on this site');
  });
});

describe('the header arrives, XML-RPC switched off (xmlrpc-disabled)', () => {
  beforeEach(() => setScenarios(site, ['xmlrpc-disabled']));

  it('an administrator’s session lets WordPress’s header check tell a wrong password', async () => {
    const { code, message } = await paste(editor.login, wrong, 'admin');
    expect(code).toBe('wrong_credentials');
    expect(message).toContain('did not accept this user name and Application Password');
  });

  it('a right password connects', async () => {
    const ctx = await connectContext(wp);
    const connected = await connectWithPassword(ctx, {
      url: wp.url,
      username: editor.login,
      password: editor.applicationPassword,
    });
    expect(connected.mode).toBe('moderator');
  });
});
