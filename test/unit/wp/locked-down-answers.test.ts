/**
 * Reading what locked-down sites answer, with a fake fetch for the edge cases (the real answers are
 * asserted against WordPress in test/integration/connect-*.test.ts): XML-RPC's faults and blocks, a
 * web server's password prompt, WordPress's error page, WordPress's nicename for a login.
 */

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { wordpressErrorText } from '../../../src/background/sites/authorize-watch.ts';
import { nicenameOf } from '../../../src/shared/wp/application-passwords.ts';
import { httpAuthRealmOf, WpError } from '../../../src/shared/wp/errors.ts';
import { createTransport } from '../../../src/shared/wp/transport.ts';
import { checkCredentialsOverXmlRpc } from '../../../src/shared/wp/xmlrpc-probe.ts';

const fault = (code: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse>\n  <fault>\n    <value>\n      <struct>\n        <member>\n          <name>faultCode</name>\n          <value><int>${code}</int></value>\n        </member>\n        <member>\n          <name>faultString</name>\n          <value><string>…</string></value>\n        </member>\n      </struct>\n    </value>\n  </fault>\n</methodResponse>`;
const answering =
  (body: string, status = 200): typeof fetch =>
  async () =>
    new Response(body, { status, headers: { 'Content-Type': 'text/xml' } });
const probe = (fetch: typeof globalThis.fetch) =>
  checkCredentialsOverXmlRpc('https://blog.example', 'a', 'b', { fetch });

describe('the XML-RPC probe', () => {
  it('reads fault 403 as "rejected" (wrong, or no Application Passwords for the account), never more', async () => {
    expect(await probe(answering(fault(403)))).toBe('rejected');
  });

  it('reads fault 405, which WordPress sends with HTTP 405, as "disabled"', async () => {
    expect(await probe(answering(fault(405), 405))).toBe('disabled');
  });

  it('a plain HTTP 403 page, another fault or no answer is "blocked" / "unreachable"', async () => {
    expect(await probe(answering('<h1>Forbidden</h1>', 403))).toBe('blocked');
    expect(await probe(answering(fault(-32601)))).toBe('blocked');
    expect(
      await probe(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toBe('unreachable');
  });

  it('the blog list is "valid"', async () => {
    expect(
      await probe(
        answering(
          '<methodResponse><params><param><value><array><data><value><struct><member><name>blogid</name><value><string>1</string></value></member></struct></value></data></array></value></param></params></methodResponse>',
        ),
      ),
    ).toBe('valid');
  });
});

describe('a web server’s password prompt', () => {
  const prompt = (challenge: string | null, status = 401) =>
    new Response('<h1>Unauthorized</h1>', { status, headers: challenge ? { 'WWW-Authenticate': challenge } : {} });

  it('is a 401 with a Basic or Digest challenge; WordPress’s own 401s are not', () => {
    expect(httpAuthRealmOf(prompt('Basic realm="Staging"'))).toBe('Staging');
    expect(httpAuthRealmOf(prompt('Digest realm="Vorschau", qop="auth"'))).toBe('Vorschau');
    expect(httpAuthRealmOf(prompt('Basic'))).toBe('');
    expect(httpAuthRealmOf(prompt(null))).toBeNull();
    expect(httpAuthRealmOf(prompt('Bearer'))).toBeNull();
    expect(httpAuthRealmOf(prompt('Basic realm="x"', 403))).toBeNull();
  });

  it('makes a REST call fail as a sign-in to renew, naming the web server’s password', async () => {
    const transport = createTransport({
      root: 'https://staging.example/wp-json/',
      auth: { kind: 'cookie', nonce: 'abc' },
      fetch: async () => prompt('Basic realm="Staging"'),
    });
    const error = await transport.request(v.unknown(), 'wp/v2/users/me').catch((caught: WpError) => caught);
    expect(error).toBeInstanceOf(WpError);
    expect(error).toMatchObject({ kind: 'auth', code: 'http_auth_required', status: 401 });
    expect((error as WpError).message).toContain('asks for its own password (HTTP authentication)');
  });
});

describe('WordPress’s error page (wp_die) on its authorize screen', () => {
  it('gives its message as plain text', () => {
    const page = `<!DOCTYPE html><html><head><title>Cannot Authorize Application</title></head><body id="error-page">
      <div class="wp-die-message">Application passwords are not available for your account. Please contact the site administrator for assistance.</div>
      <p><a href="">Go Back</a></p></body></html>`;
    expect(wordpressErrorText(page)).toBe(
      'Application passwords are not available for your account. Please contact the site administrator for assistance.',
    );
    expect(
      wordpressErrorText('<body><p>Your website appears to use Basic&nbsp;Authentication &amp; more</p></body>'),
    ).toBe('Your website appears to use Basic Authentication & more');
  });
});

describe('nicenameOf', () => {
  it('is WordPress’s slug for a plain login, and nothing for an email address', () => {
    expect(nicenameOf('redaktion')).toBe('redaktion');
    expect(nicenameOf('Max.Muster')).toBe('max-muster');
    expect(nicenameOf('max@example.org')).toBeNull();
    expect(nicenameOf('  ')).toBeNull();
  });
});
