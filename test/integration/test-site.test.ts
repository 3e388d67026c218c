/**
 * The test WordPress itself serves what a web server would: wp-admin's dashboard (a directory index
 * our router maps to wp-admin/index.php) renders for a signed-in user. It failed with a fatal error
 * on every login while the router required scripts inside a function (their globals were locals).
 */
import { describe, expect, inject, it } from 'vitest';
import { logIn, withCookies } from '../support/browser-session.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');

describe('the test WordPress', () => {
  it('renders the dashboard after a login, as a web server runs wp-admin/index.php', async () => {
    const editor = user(wp, 'editor');
    const cookies = await logIn(wp.url, editor.login, editor.password);
    const response = await withCookies(cookies)(`${wp.url}/wp-admin/`);
    const body = await response.text();
    expect(body).not.toContain('Fatal error');
    expect(response.status).toBe(200);
    expect(body).toContain('id="adminmenu"');
  });
});
