/**
 * What the client and the sync make of a WordPress behind a misbehaving network: every fault is
 * classified (so the outbox knows whether to retry, pause or give up), nothing throws unhandled,
 * and a failed sync leaves the cache as it was with a status line that says why.
 */
import { describe, expect, inject, it } from 'vitest';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { createWpClient } from '../../src/shared/wp/client.ts';
import type { WpError } from '../../src/shared/wp/errors.ts';
import { testContext } from '../support/background-context.ts';
import { failure } from '../support/failure.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { type Fault, useFaultProxy } from '../support/fault-proxy.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const proxyHandle = useFaultProxy(wp.url, (proxy) => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(proxy.url));
});

const client = (timeoutMs = 20000) =>
  createWpClient({
    root: `${proxyHandle.current.url}/wp-json/`,
    auth: { kind: 'application-password', username: editor.login, password: editor.applicationPassword },
    timeoutMs,
  });

describe('faults between the client and WordPress', () => {
  it('passes through when nothing is wrong (the proxyHandle.current itself is sound)', async () => {
    const page = await client().listComments({ status: 'hold', type: 'all', perPage: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.items[0]?.link).toContain(proxyHandle.current.url);
  });

  it.each<[Fault, Partial<WpError>]>([
    ['drop', { kind: 'retryable', code: 'network' }],
    ['status-500', { kind: 'retryable', status: 500 }],
    ['status-503', { kind: 'retryable', status: 503 }],
    ['rate-limit', { kind: 'retryable', status: 429, retryAfterMs: 3000 }],
    ['truncate-length', { kind: 'retryable', code: 'network' }],
    ['truncate-chunked', { kind: 'invalid-response', code: 'invalid_json' }],
    ['html', { kind: 'invalid-response', code: 'invalid_json' }],
    ['strip-authorization', { kind: 'auth', status: 401 }],
  ])('%s → %o', async (fault, expected) => {
    proxyHandle.current.fault = fault;
    const error = await failure(client().listComments({ status: 'hold', type: 'all', context: 'edit' }));
    expect(error).toMatchObject(expected);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('a server that never answers: timeout, retryable', async () => {
    proxyHandle.current.fault = 'hang';
    const started = Date.now();
    const error = await failure(client(800).me());
    expect(error).toMatchObject({ kind: 'retryable', code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('faults during a sync', () => {
  it('a failed sync keeps the cache and says offline or error; the next sync recovers', async () => {
    const ctx = testContext();
    await connectWithPassword(ctx, {
      url: proxyHandle.current.url,
      username: editor.login,
      password: editor.applicationPassword,
    });
    const siteId = `${proxyHandle.current.url}/wp-json/`;
    const cached = await ctx.db.comments.count();
    expect(cached).toBeGreaterThan(0);

    for (const [fault, status] of [
      ['drop', 'offline'],
      ['status-503', 'error'],
      ['truncate-chunked', 'error'],
    ] as const) {
      proxyHandle.current.fault = fault;
      await expect(syncPending(ctx, siteId)).rejects.toBeDefined();
      expect((await ctx.db.sites.get(siteId))?.status, fault).toBe(status);
      expect(await ctx.db.comments.count(), fault).toBe(cached);
    }

    proxyHandle.current.fault = 'strip-authorization';
    await expect(syncPending(ctx, siteId)).rejects.toMatchObject({ kind: 'auth' });
    expect((await ctx.db.sites.get(siteId))?.status).toBe('needs-login');

    proxyHandle.current.fault = 'none';
    await syncPending(ctx, siteId);
    expect((await ctx.db.sites.get(siteId))?.status).toBe('connected');
    expect(await ctx.db.comments.count()).toBe(cached);
  });
});

describe('a host that strips the Authorization header', () => {
  it('is told apart from a wrong password, and explained', async () => {
    proxyHandle.current.fault = 'strip-authorization';
    const ctx = testContext();
    await expect(
      connectWithPassword(ctx, {
        url: proxyHandle.current.url,
        username: editor.login,
        password: editor.applicationPassword,
      }),
    ).rejects.toMatchObject({
      code: 'authorization_header_stripped',
      message: expect.stringContaining('does not pass the Authorization header'),
    });
    await expect(
      connectWithPassword(ctx, {
        url: proxyHandle.current.url,
        username: editor.login,
        password: 'abcd abcd abcd abcd abcd abcd',
      }),
    ).rejects.toMatchObject({ code: 'wrong_credentials' });
    expect(await ctx.db.sites.count()).toBe(0);
  });
});
