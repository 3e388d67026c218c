import { describe, expect, it } from 'vitest';
import { DiscoveryError, discoverSite } from '../../../src/shared/wp/discover.ts';
import { restRootFromHtml, restRootFromLinkHeader } from '../../../src/shared/wp/rest-root.ts';

const index = JSON.stringify({ name: 'Blog', url: 'https://blog.example', namespaces: ['oembed/1.0', 'wp/v2'] });

type Routes = Record<string, (init?: RequestInit) => Response>;
function site(routes: Routes): typeof fetch {
  return async (input, init) => {
    const handler = routes[String(input)];
    if (!handler) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/html' } });
    return handler(init);
  };
}
const html =
  (body: string, headers: Record<string, string> = {}) =>
  () =>
    new Response(body, { headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers } });
const json = (body: string) => () => new Response(body, { headers: { 'Content-Type': 'application/json' } });

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DiscoveryError);
  return (error as DiscoveryError).reason;
}

describe('REST root discovery', () => {
  it('reads the Link header', () => {
    expect(
      restRootFromLinkHeader(
        '<https://blog.example/wp-json/wp/v2/posts/4>; rel="alternate"; type="application/json", <https://blog.example/wp-json/>; rel="https://api.w.org/"',
        'https://blog.example/',
      ),
    ).toBe('https://blog.example/wp-json/');
  });

  it('reads the <link> element, decoding &amp;', () => {
    expect(
      restRootFromHtml(
        '<link rel="https://api.w.org/" href="https://blog.example/?rest_route=/&amp;x=1" />',
        'https://blog.example/',
      ),
    ).toBe('https://blog.example/?rest_route=/&x=1');
  });

  it('finds the root announced in the page', async () => {
    const found = await discoverSite('blog.example/some/article/', {
      fetch: site({
        'https://blog.example/some/article/': html(
          '<link rel="https://api.w.org/" href="https://blog.example/api/" />',
        ),
        'https://blog.example/api/': json(index),
      }),
    });
    expect(found).toEqual({
      restRoot: 'https://blog.example/api/',
      name: 'Blog',
      home: 'https://blog.example',
      siteUrl: 'https://blog.example',
      authorizeEndpoint: null,
      httpAuthRealm: null,
      bridge: null,
    });
  });

  it('falls back to ?rest_route=/ for sites without pretty permalinks', async () => {
    const found = await discoverSite('https://blog.example/', {
      fetch: site({
        'https://blog.example/': html('<p>no link element</p>'),
        'https://blog.example/?rest_route=/': json(index),
      }),
    });
    expect(found.restRoot).toBe('https://blog.example/?rest_route=/');
  });

  it('says "not WordPress" for other sites', async () => {
    expect(
      await reason(
        discoverSite('https://static.example/', { fetch: site({ 'https://static.example/': html('<h1>Hugo</h1>') }) }),
      ),
    ).toBe('not-wordpress');
  });

  it('says "REST API disabled" for a WordPress whose API is switched off', async () => {
    const page =
      '<link rel="stylesheet" href="/wp-content/themes/x/style.css"><link rel="https://api.w.org/" href="https://blog.example/wp-json/" />';
    const fetch = site({
      'https://blog.example/': html(page),
      'https://blog.example/wp-json/': () => new Response('<h1>Gone</h1>', { status: 404 }),
    });
    expect(await reason(discoverSite('https://blog.example/', { fetch }))).toBe('rest-disabled');
  });

  it('reads the authorize screen from the index’s authentication entry (absent: no Application Passwords)', async () => {
    const withEntry = JSON.stringify({
      ...JSON.parse(index),
      authentication: {
        'application-passwords': {
          endpoints: { authorization: 'https://blog.example/wp/wp-admin/authorize-application.php' },
        },
      },
    });
    const found = await discoverSite('https://blog.example/', {
      fetch: site({ 'https://blog.example/': html(''), 'https://blog.example/wp-json/': json(withEntry) }),
    });
    expect(found.authorizeEndpoint).toBe('https://blog.example/wp/wp-admin/authorize-application.php');
    // WordPress sends an empty array when the site offers none.
    const without = JSON.stringify({ ...JSON.parse(index), authentication: [] });
    const none = await discoverSite('https://blog.example/', {
      fetch: site({ 'https://blog.example/': html(''), 'https://blog.example/wp-json/': json(without) }),
    });
    expect(none.authorizeEndpoint).toBeNull();
  });
});

describe('discovery on sites that refuse visitors', () => {
  const closed = () =>
    new Response(
      JSON.stringify({ code: 'rest_login_required', message: 'REST API restricted to authenticated users.' }),
      {
        status: 401,
        headers: { 'Content-Type': 'application/json' },
      },
    );
  /** A REST API closed to visitors (Disable WP REST API): the index only for a signed-in request. */
  const signedIn = (init?: RequestInit) =>
    init?.credentials === 'include' || new Headers(init?.headers).get('Authorization') === 'Basic abc'
      ? json(index)()
      : closed();

  it('a JSON 401 from /wp-json/ is WordPress with its REST API closed to visitors, not "switched off"', async () => {
    const fetch = site({
      'https://blog.example/': html('<p>no links: the plugin removed them</p>'),
      'https://blog.example/wp-json/': closed,
      'https://blog.example/?rest_route=/': closed,
    });
    const error = await discoverSite('https://blog.example/', { fetch }).catch((caught: DiscoveryError) => caught);
    expect(error).toMatchObject({
      reason: 'rest-login-required',
      details: {
        origin: 'https://blog.example',
        restRoot: 'https://blog.example/wp-json/',
        code: 'rest_login_required',
      },
    });
  });

  it('finds the API with the sign-in being set up: the browser session or an Authorization header', async () => {
    const fetch = site({ 'https://blog.example/': html(''), 'https://blog.example/wp-json/': signedIn });
    const bySession = await discoverSite('https://blog.example/', { fetch, signIn: { kind: 'session' } });
    expect(bySession.restRoot).toBe('https://blog.example/wp-json/');
    const byHeader = await discoverSite('https://blog.example/', {
      fetch,
      signIn: { kind: 'authorization', header: 'Basic abc' },
    });
    expect(byHeader.name).toBe('Blog');
  });

  it('falls back to ?rest_route=/ there too (plain permalinks)', async () => {
    const fetch = site({ 'https://blog.example/': html(''), 'https://blog.example/?rest_route=/': signedIn });
    const found = await discoverSite('https://blog.example/', { fetch, signIn: { kind: 'session' } });
    expect(found.restRoot).toBe('https://blog.example/?rest_route=/');
  });

  const staging = (init?: RequestInit) =>
    // The browser sends the web server's password it holds only with credentials included.
    init?.credentials === 'include'
      ? html('<link rel="https://api.w.org/" href="https://staging.example/wp-json/" />')()
      : new Response('<h1>Unauthorized</h1>', {
          status: 401,
          headers: { 'WWW-Authenticate': 'Basic realm="Staging"', 'Content-Type': 'text/html' },
        });

  it('says "HTTP authentication" for a site behind a password of its web server, not "not WordPress"', async () => {
    const fetch = site({ 'https://staging.example/': staging });
    const error = await discoverSite('https://staging.example/', { fetch }).catch((caught: DiscoveryError) => caught);
    expect(error).toMatchObject({ reason: 'http-auth', details: { realm: 'Staging' } });
    // An Authorization header of ours cannot carry the web server's password as well.
    const withHeader = await discoverSite('https://staging.example/', {
      fetch,
      signIn: { kind: 'authorization', header: 'Basic abc' },
    }).catch((caught: DiscoveryError) => caught);
    expect(withHeader).toMatchObject({ reason: 'http-auth' });
  });

  it('gets past it with the browser’s session when the browser holds that password, and says so', async () => {
    const fetch = site({
      'https://staging.example/': staging,
      'https://staging.example/wp-json/': (init) => (init?.credentials === 'include' ? json(index)() : staging(init)),
    });
    const found = await discoverSite('https://staging.example/', { fetch, signIn: { kind: 'session' } });
    expect(found).toMatchObject({ restRoot: 'https://staging.example/wp-json/', httpAuthRealm: 'Staging' });
  });

  it('says "unreachable" when the site does not answer', async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError('getaddrinfo ENOTFOUND');
    };
    expect(await reason(discoverSite('https://gone.example/', { fetch }))).toBe('unreachable');
  });

  it('says "firewall" (who, and the path to let through) when a CDN challenges the REST API', async () => {
    const challenge = () =>
      new Response('<!DOCTYPE html><title>Just a moment...</title>', {
        status: 403,
        headers: { 'Content-Type': 'text/html', 'cf-mitigated': 'challenge', Server: 'cloudflare' },
      });
    const fetch = site({
      'https://blog.example/artikel/': html('<h1>Artikel</h1>', {
        Link: '<https://blog.example/wp-json/>; rel="https://api.w.org/"',
      }),
      'https://blog.example/wp-json/': challenge,
      'https://blog.example/?rest_route=/': challenge,
    });
    const error = await discoverSite('https://blog.example/artikel/', { fetch }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      reason: 'firewall',
      firewall: { kind: 'challenge', firewall: 'Cloudflare', path: '/wp-json/' },
    });
    expect((error as Error).message).toContain('/wp-json/');
  });
});
