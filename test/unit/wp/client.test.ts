/**
 * The client against a fake fetch, for what a real WordPress will not do on request: malformed and
 * truncated answers, hanging connections, network failures. (The real WordPress: test/integration.)
 */
import { describe, expect, it } from 'vitest';
import { authHeaders, createWpClient } from '../../../src/shared/wp/client.ts';
import { failure } from '../../support/failure.ts';

const root = 'https://blog.example/wp-json/';
const auth = { kind: 'application-password', username: 'redaktion', password: 'abcd efgh ijkl' } as const;

function respond(body: string, init: ResponseInit = {}): typeof fetch {
  return async () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });
}

const comment = {
  id: 7,
  post: 4,
  parent: 0,
  author: 0,
  author_name: 'Lena',
  author_url: '',
  date_gmt: '2026-11-29T08:00:00',
  content: { rendered: '<p>Hallo</p>' },
  link: 'https://blog.example/p/#comment-7',
  status: 'hold',
  type: 'comment',
};

describe('createWpClient', () => {
  it('sends Basic auth with the spaces of an Application Password removed, UTF-8 safe', () => {
    const header = authHeaders({ kind: 'application-password', username: 'jürgen', password: 'ab cd' }).Authorization;
    expect(header).toBe(`Basic ${Buffer.from('jürgen:abcd', 'utf8').toString('base64')}`);
  });

  it('reads a page of comments with X-WP-Total and X-WP-TotalPages', async () => {
    let requested = '';
    const client = createWpClient({
      root,
      auth,
      fetch: async (input) => {
        requested = String(input);
        return new Response(JSON.stringify([comment]), { headers: { 'X-WP-Total': '31', 'X-WP-TotalPages': '4' } });
      },
    });
    const page = await client.listComments({ status: 'hold', type: 'all', perPage: 10, page: 2, post: [4] });
    expect(page.total).toBe(31);
    expect(page.totalPages).toBe(4);
    expect(page.items[0]?.author_name).toBe('Lena');
    expect(requested).toContain('status=hold');
    expect(requested).toContain('type=all');
    expect(requested).toContain('post%5B%5D=4');
  });

  it('turns a body that is not JSON into invalid-response (e.g. a PHP notice before the JSON)', async () => {
    const client = createWpClient({ root, auth, fetch: respond('<br />\n<b>Warning</b>: something [{"id":1}]') });
    const error = await failure(client.listComments({}));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/not JSON/);
  });

  it('turns a truncated body into invalid-response', async () => {
    const client = createWpClient({ root, auth, fetch: respond(JSON.stringify([comment]).slice(0, 40)) });
    expect((await failure(client.listComments({}))).kind).toBe('invalid-response');
  });

  it('names the field when the JSON has the wrong shape', async () => {
    const client = createWpClient({ root, auth, fetch: respond(JSON.stringify([{ ...comment, id: 'seven' }])) });
    const error = await failure(client.listComments({}));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('0.id');
  });

  it('keeps WordPress error codes and classifies them', async () => {
    const client = createWpClient({
      root,
      auth,
      fetch: respond(JSON.stringify({ code: 'rest_not_logged_in', message: 'You are not currently logged in.' }), {
        status: 401,
      }),
    });
    const error = await failure(client.me());
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'rest_not_logged_in' });
    expect(error.message).toBe('You are not currently logged in.');
  });

  it('reads Retry-After on 429', async () => {
    const client = createWpClient({
      root,
      auth,
      fetch: respond('Too many requests', { status: 429, headers: { 'Retry-After': '7' } }),
    });
    const error = await failure(client.me());
    expect(error).toMatchObject({ kind: 'retryable', status: 429, code: null, retryAfterMs: 7000 });
  });

  it('gives up on a server that never answers, after its timeout', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const client = createWpClient({ root, auth, fetch: hanging, timeoutMs: 50 });
    const error = await failure(client.me());
    expect(error).toMatchObject({ kind: 'retryable', code: 'timeout' });
  });

  it('never waits longer than 20 s, whatever it is told', () => {
    expect(createWpClient({ root, auth, timeoutMs: 10 * 60_000 }).timeoutMs).toBe(20_000);
    expect(createWpClient({ root, auth }).timeoutMs).toBe(20_000);
    expect(createWpClient({ root, auth, timeoutMs: 5000 }).timeoutMs).toBe(5000);
  });

  it('reports a refused connection as retryable network failure', async () => {
    const client = createWpClient({
      root,
      auth,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(await failure(client.me())).toMatchObject({ kind: 'retryable', code: 'network' });
  });

  it('lets the caller abort: the abort reason comes back, not a WpError', async () => {
    const controller = new AbortController();
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const client = createWpClient({ root, auth, fetch: hanging });
    const pending = client.me({ signal: controller.signal });
    controller.abort(new Error('popup closed'));
    await expect(pending).rejects.toThrow('popup closed');
  });
});
