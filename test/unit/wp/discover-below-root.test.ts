/**
 * Discovery from a page below the origin's root that announces no REST API (wp-admin, the login
 * screen, a page whose links a plugin removed): it asks there — a multisite's sub-site, a WordPress
 * in its own directory — before the origin's root, which may be another site.
 */
import { describe, expect, it } from 'vitest';
import { discoverSite } from '../../../src/shared/wp/discover.ts';
import { restRootGuesses } from '../../../src/shared/wp/wordpress-paths.ts';

const index = (name: string, home: string, url = home) =>
  new Response(JSON.stringify({ name, home, url, namespaces: ['wp/v2'] }), {
    headers: { 'Content-Type': 'application/json' },
  });
const loginPage = () =>
  new Response('<html><link rel="stylesheet" href="/wp-admin/css/login.min.css"><form id="loginform"></form></html>', {
    headers: { 'Content-Type': 'text/html' },
  });

function site(routes: Record<string, () => Response>): { fetch: typeof fetch; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (input) => {
      asked.push(String(input));
      const handler = routes[String(input)];
      return handler
        ? handler()
        : new Response('<p>not found</p>', { status: 404, headers: { 'Content-Type': 'text/html' } });
    },
  };
}

describe('REST roots below WordPress’s own paths', () => {
  it('takes the path before wp-admin, the login screen, wp-json, wp-content and xmlrpc.php', () => {
    const roots = (url: string) => restRootGuesses(new URL(url));
    expect(roots('https://net.example/technik/wp-admin/edit-comments.php')).toEqual([
      'https://net.example/technik/wp-json/',
      'https://net.example/technik/?rest_route=/',
    ]);
    expect(roots('https://blog.example/wp/wp-login.php?redirect_to=x')).toEqual([
      'https://blog.example/wp/wp-json/',
      'https://blog.example/wp/?rest_route=/',
    ]);
    expect(roots('https://net.example/a/b/wp-json/wp/v2/posts')[0]).toBe('https://net.example/a/b/wp-json/');
    expect(roots('https://net.example/kultur/wp-admin')[0]).toBe('https://net.example/kultur/wp-json/');
    expect(roots('https://net.example/kultur/xmlrpc.php')[0]).toBe('https://net.example/kultur/wp-json/');
  });

  it('asks any other page itself with ?rest_route=/ — nothing to add at the root', () => {
    const roots = (url: string) => restRootGuesses(new URL(url));
    expect(roots('https://blog.example/wp-admin/')).toEqual([]);
    expect(roots('https://blog.example/wp-login.php')).toEqual([]);
    expect(roots('https://blog.example/')).toEqual([]);
    expect(roots('https://blog.example/2026/11/wp-adminer-review/')).toEqual([
      'https://blog.example/2026/11/wp-adminer-review/?rest_route=/',
    ]);
    expect(roots('https://net.example/kultur')).toEqual(['https://net.example/kultur?rest_route=/']);
  });

  it('finds a sub-site whose page announces no REST API through the page itself, not the main site', async () => {
    const technik = () => index('Technik', 'https://net.example/technik');
    const { fetch, asked } = site({
      'https://net.example/technik/2026/12/offline/': () =>
        new Response('<p>links removed</p>', { headers: { 'Content-Type': 'text/html' } }),
      'https://net.example/technik/2026/12/offline/?rest_route=/': technik,
      'https://net.example/technik/': () =>
        new Response('<p>links removed</p>', { headers: { 'Content-Type': 'text/html' } }),
      'https://net.example/technik/wp-json/': technik,
      'https://net.example/wp-json/': () => index('Hauptseite', 'https://net.example'),
    });
    const found = await discoverSite('https://net.example/technik/2026/12/offline/', { fetch });
    // Known by the API under its home, not by the page it was found on.
    expect(found).toEqual({
      restRoot: 'https://net.example/technik/wp-json/',
      name: 'Technik',
      home: 'https://net.example/technik',
      siteUrl: 'https://net.example/technik',
      authorizeEndpoint: null,
      httpAuthRealm: null,
      bridge: null,
    });
    expect(asked).not.toContain('https://net.example/wp-json/');
  });

  it('finds the sub-site, not the main site, from a sub-site’s login screen', async () => {
    const { fetch, asked } = site({
      'https://net.example/technik/wp-login.php': loginPage,
      'https://net.example/technik/wp-json/': () => index('Technik', 'https://net.example/technik'),
      'https://net.example/wp-json/': () => index('Hauptseite', 'https://net.example'),
    });
    const found = await discoverSite('https://net.example/technik/wp-login.php', { fetch });
    expect(found).toEqual({
      restRoot: 'https://net.example/technik/wp-json/',
      name: 'Technik',
      home: 'https://net.example/technik',
      siteUrl: 'https://net.example/technik',
      authorizeEndpoint: null,
      httpAuthRealm: null,
      bridge: null,
    });
    expect(asked).not.toContain('https://net.example/wp-json/');
  });

  it('finds a WordPress in its own directory from its wp-admin, known by the root its home announces', async () => {
    const ownIndex = () => index('Blog', 'https://blog.example', 'https://blog.example/wp');
    const { fetch } = site({
      'https://blog.example/wp/wp-admin/': loginPage,
      // /wp/wp-json/ is no REST route there (home is the root); ?rest_route= works under any entry
      'https://blog.example/wp/?rest_route=/': ownIndex,
      'https://blog.example/': () =>
        new Response('<p>Blog</p>', {
          headers: { 'Content-Type': 'text/html', Link: '<https://blog.example/wp-json/>; rel="https://api.w.org/"' },
        }),
      'https://blog.example/wp-json/': ownIndex,
    });
    expect(await discoverSite('https://blog.example/wp/wp-admin/', { fetch })).toEqual({
      restRoot: 'https://blog.example/wp-json/',
      name: 'Blog',
      home: 'https://blog.example',
      siteUrl: 'https://blog.example/wp',
      authorizeEndpoint: null,
      httpAuthRealm: null,
      bridge: null,
    });
  });

  it('keeps the root it found when the home announces none, or another site’s', async () => {
    const { fetch } = site({
      'https://net.example/technik/wp-admin/': loginPage,
      'https://net.example/technik/wp-json/': () => index('Technik', 'https://net.example/technik'),
      'https://net.example/technik/': () =>
        new Response('<p>no link</p>', {
          headers: { 'Content-Type': 'text/html', Link: '<https://net.example/wp-json/>; rel="https://api.w.org/"' },
        }),
      'https://net.example/wp-json/': () => index('Hauptseite', 'https://net.example'),
    });
    expect((await discoverSite('https://net.example/technik/wp-admin/', { fetch })).restRoot).toBe(
      'https://net.example/technik/wp-json/',
    );
  });
});
