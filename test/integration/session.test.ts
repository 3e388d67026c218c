/**
 * Signing in with the browser's WordPress session, from Node: a real login cookie, the real
 * admin-ajax nonce endpoint, an expired nonce refreshed once, an ended session reported as such.
 */
import { describe, expect, inject, it } from 'vitest';
import { createWpClient } from '../../src/shared/wp/client.ts';
import type { WpError } from '../../src/shared/wp/errors.ts';
import { fetchRestNonce } from '../../src/shared/wp/session.ts';
import { logIn as logInTo, withCookies } from '../support/browser-session.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const logIn = (login: string, password: string) => logInTo(wp.url, login, password);

describe('browser-session sign-in', () => {
  it('gets a nonce only when logged in', async () => {
    const editor = user(wp, 'editor');
    const cookies = await logIn(editor.login, editor.password);
    expect(await fetchRestNonce(wp.url, { fetch: withCookies(cookies) })).toMatch(/^[0-9a-f]{10}$/);
    expect(await fetchRestNonce(wp.url)).toBeNull();
  });

  it('refreshes an expired nonce once and carries on', async () => {
    const editor = user(wp, 'editor');
    const cookies = await logIn(editor.login, editor.password);
    const seen: string[] = [];
    const client = createWpClient({
      root: `${wp.url}/wp-json/`,
      auth: { kind: 'cookie', nonce: '0123456789' },
      fetch: withCookies(cookies),
      refreshNonce: () => fetchRestNonce(wp.url, { fetch: withCookies(cookies) }),
      onNonce: (nonce) => seen.push(nonce),
    });
    const me = await client.me();
    expect(me.id).toBe(editor.id);
    expect(seen.length).toBeGreaterThan(0);
    expect(client.auth).toEqual({ kind: 'cookie', nonce: seen.at(-1) });
  });

  it('an expired nonce without a way to refresh it is an auth error (rest_cookie_invalid_nonce)', async () => {
    const editor = user(wp, 'editor');
    const cookies = await logIn(editor.login, editor.password);
    const client = createWpClient({
      root: `${wp.url}/wp-json/`,
      auth: { kind: 'cookie', nonce: '0123456789' },
      fetch: withCookies(cookies),
    });
    const error = await client.me().catch((caught: WpError) => caught);
    expect(error).toMatchObject({ kind: 'auth', status: 403, code: 'rest_cookie_invalid_nonce' });
  });

  it('says "please log in again" when the session has ended', async () => {
    const client = createWpClient({
      root: `${wp.url}/wp-json/`,
      auth: { kind: 'cookie', nonce: '0123456789' },
      fetch: withCookies('wordpress_logged_in_x=expired'),
      refreshNonce: () => fetchRestNonce(wp.url),
    });
    const error = await client.listComments({ status: 'hold' }).catch((caught: WpError) => caught);
    expect(error).toMatchObject({
      kind: 'auth',
      code: 'session_ended',
      message: expect.stringContaining('log in again'),
    });
  });
});
