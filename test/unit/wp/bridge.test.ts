/**
 * Detecting the Freigabe Bridge: what a REST index must say for the extension to use it, and what
 * makes it fall back to REST alone (no namespace, no or a broken announcement); discovery and the
 * client read it from the index as WordPress sends it.
 */
import { describe, expect, it } from 'vitest';
import { bridgeOf } from '../../../src/shared/wp/bridge.ts';
import { createWpClient } from '../../../src/shared/wp/client.ts';
import { discoverSite } from '../../../src/shared/wp/discover.ts';

const announcement = {
  version: '1.0.0',
  max_ids: 1000,
  actions: ['approve', 'unapprove', 'spam', 'unspam', 'trash', 'untrash', 'delete'],
};
const namespaces = ['oembed/1.0', 'freigabe/v1', 'wp/v2'];

describe('bridgeOf: the Bridge a REST index announces', () => {
  it('reads the version, the most ids per request and the actions', () => {
    expect(bridgeOf({ namespaces, freigabe_bridge: announcement })).toEqual({
      version: '1.0.0',
      maxIds: 1000,
      actions: announcement.actions,
    });
  });

  it('ignores fields a later version adds', () => {
    expect(bridgeOf({ namespaces, freigabe_bridge: { ...announcement, blocklists: true } })?.maxIds).toBe(1000);
  });

  it.each([
    ['no namespace (the plugin deactivated, the announcement left by a cache)', ['wp/v2'], announcement],
    ['no announcement (another plugin took the namespace)', namespaces, undefined],
    ['an announcement that is not an object', namespaces, '1.0.0'],
    ['no version', namespaces, { max_ids: 1000, actions: [] }],
    ['an absurd version', namespaces, { ...announcement, version: 'x'.repeat(21) }],
    ['max_ids 0', namespaces, { ...announcement, max_ids: 0 }],
    ['max_ids not a whole number', namespaces, { ...announcement, max_ids: 10.5 }],
    ['max_ids as text', namespaces, { ...announcement, max_ids: '1000' }],
    ['actions not a list', namespaces, { ...announcement, actions: 'approve' }],
    ['actions not text', namespaces, { ...announcement, actions: [1, 2] }],
  ])('is null with %s: moderation runs on REST alone', (_case, names, entry) => {
    expect(bridgeOf({ namespaces: names, freigabe_bridge: entry })).toBeNull();
  });
});

describe('the Bridge found where the extension reads the REST index', () => {
  const index = (bridge: boolean) =>
    JSON.stringify({
      name: 'Blog',
      url: 'https://blog.example',
      home: 'https://blog.example',
      namespaces: bridge ? namespaces : ['oembed/1.0', 'wp/v2'],
      ...(bridge ? { freigabe_bridge: announcement } : {}),
    });
  const served = (body: string) => async (input: RequestInfo | URL) =>
    String(input).startsWith('https://blog.example/wp-json/')
      ? new Response(body, { headers: { 'Content-Type': 'application/json' } })
      : new Response('<html><link rel="https://api.w.org/" href="https://blog.example/wp-json/" /></html>', {
          headers: { 'Content-Type': 'text/html' },
        });

  it('at connect: discovery keeps the announcement', async () => {
    expect((await discoverSite('https://blog.example/', { fetch: served(index(true)) })).bridge).toEqual({
      version: '1.0.0',
      maxIds: 1000,
      actions: announcement.actions,
    });
    expect((await discoverSite('https://blog.example/', { fetch: served(index(false)) })).bridge).toBeNull();
  });

  it.each([
    ['https://blog.example/wp-json/', 'https://blog.example/wp-json/?_fields=namespaces%2Cfreigabe_bridge'],
    ['https://blog.example/?rest_route=/', 'https://blog.example/?rest_route=%2F&_fields=namespaces%2Cfreigabe_bridge'],
  ])('on every sync: one request for two fields of the index at %s', async (root, expected) => {
    const asked: string[] = [];
    const client = createWpClient({
      root,
      auth: { kind: 'none' },
      fetch: async (input) => {
        asked.push(String(input));
        return new Response(JSON.stringify({ namespaces, freigabe_bridge: announcement }), {
          headers: { 'Content-Type': 'application/json' },
        });
      },
    });
    expect(await client.bridgeInfo()).toMatchObject({ version: '1.0.0', maxIds: 1000 });
    expect(asked).toEqual([expected]);
  });
});
