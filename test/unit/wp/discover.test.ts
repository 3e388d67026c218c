import { describe, expect, it } from 'vitest';
import {
  DiscoveryError,
  discoverSite,
  restRootFromHtml,
  restRootFromLinkHeader,
} from '../../../src/shared/wp/discover.ts';

const index = JSON.stringify({ name: 'Blog', url: 'https://blog.example', namespaces: ['oembed/1.0', 'wp/v2'] });

type Routes = Record<string, () => Response>;
function site(routes: Routes): typeof fetch {
  return async (input) => {
    const handler = routes[String(input)];
    if (!handler) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/html' } });
    return handler();
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
      'https://blog.example/wp-json/': () =>
        new Response(JSON.stringify({ code: 'rest_disabled', message: 'off' }), { status: 401 }),
    });
    expect(await reason(discoverSite('https://blog.example/', { fetch }))).toBe('rest-disabled');
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
