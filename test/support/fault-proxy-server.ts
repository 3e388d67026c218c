/**
 * A small loopback proxy in front of the real WordPress that misbehaves on demand: drops the
 * connection, hangs, answers 500/503/429, cuts bodies short, sends HTML instead of JSON, or strips
 * the Authorization header like some PHP-as-CGI hosts, or is slow to take writes. It rewrites
 * WordPress's own URLs to its own, so discovery through it stays on it. No vitest here: the soak
 * (scripts/soak/) runs it from a plain script; fault-proxy.ts adds the per-test-file hooks.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'none'
  | 'drop'
  | 'hang'
  | 'status-500'
  | 'status-503'
  | 'rate-limit'
  | 'truncate-length'
  | 'truncate-chunked'
  | 'html'
  | 'strip-authorization'
  /** offline: every connection is closed as soon as it is made, before a byte is read */
  | 'refuse';

export interface FaultProxy {
  url: string;
  fault: Fault;
  /** only requests whose path contains this string misbehave (default: all) */
  only: string | null;
  requests: number;
  /**
   * every write (POST/PUT/DELETE) waits this long before it goes on to WordPress — a slow server,
   * so a test can act while writes are in flight. The write still reaches WordPress when its client
   * went away meanwhile (the server had the request; only its answer is lost).
   */
  slowWritesMs: number;
  /** while true, writes wait at the proxy (then go on, like slow ones): a test acts while they are in flight */
  holdWrites: boolean;
  /** every request received, as "METHOD /path", in order of arrival */
  received: string[];
  /** writes (POST/DELETE) WordPress accepted (2xx), by request path */
  acceptedWrites: Map<string, number>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const upstreamUrl = new URL(upstream);
  const hanging = new Set<ServerResponse>();
  let server: Server;
  const proxy: FaultProxy = {
    url: '',
    fault: 'none',
    only: null,
    requests: 0,
    slowWritesMs: 0,
    holdWrites: false,
    received: [],
    acceptedWrites: new Map(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  server = createServer(async (request, response) => {
    proxy.requests += 1;
    proxy.received.push(`${request.method} ${new URL(request.url ?? '/', upstreamUrl).pathname}`);
    const applies = proxy.only === null || (request.url ?? '').includes(proxy.only);
    const fault = applies ? proxy.fault : 'none';
    if (fault === 'drop' || fault === 'refuse') return request.socket.destroy();
    if (fault === 'hang') {
      hanging.add(response);
      return;
    }
    if (fault === 'status-500' || fault === 'status-503') {
      response.writeHead(fault === 'status-500' ? 500 : 503, { 'Content-Type': 'text/html' });
      return response.end('<h1>Service Unavailable</h1>');
    }
    if (fault === 'rate-limit') {
      response.writeHead(429, { 'Retry-After': '3', 'Content-Type': 'text/plain' });
      return response.end('Too Many Requests');
    }
    if (fault === 'html') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      return response.end('<!doctype html><title>Wartungsmodus</title><p>Wir sind gleich zurück.</p>');
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || ['host', 'connection', 'content-length', 'accept-encoding'].includes(name)) continue;
      if (fault === 'strip-authorization' && name === 'authorization') continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
    if (body !== undefined && proxy.slowWritesMs > 0) await new Promise((wait) => setTimeout(wait, proxy.slowWritesMs));
    while (body !== undefined && proxy.holdWrites) await new Promise((wait) => setTimeout(wait, 10));
    let answer: Response;
    try {
      answer = await fetch(new URL(request.url ?? '/', upstreamUrl), {
        method: request.method,
        headers,
        body: body === undefined ? undefined : new Uint8Array(body),
        redirect: 'manual',
      });
    } catch {
      return request.socket.destroy();
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && answer.ok) {
      const path = new URL(request.url ?? '/', upstreamUrl).pathname;
      proxy.acceptedWrites.set(path, (proxy.acceptedWrites.get(path) ?? 0) + 1);
    }
    const rewrite = (text: string) => text.split(upstreamUrl.host).join(new URL(proxy.url).host);
    const text = rewrite(await answer.text());
    const outHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) {
        outHeaders[name] = rewrite(value);
      }
    });
    if (fault === 'truncate-length') {
      // Announce the whole body, send half, close: the client sees the connection die mid-body.
      response.writeHead(answer.status, { ...outHeaders, 'Content-Length': String(Buffer.byteLength(text)) });
      response.write(text.slice(0, Math.floor(text.length / 2)));
      return request.socket.destroy();
    }
    if (fault === 'truncate-chunked') {
      // A complete HTTP answer whose JSON is cut short (a proxy or PHP dying mid-output).
      response.writeHead(answer.status, outHeaders);
      return response.end(text.slice(0, Math.floor(text.length / 2)));
    }
    response.writeHead(answer.status, outHeaders);
    response.end(text);
  });
  server.on('connection', (socket) => {
    if (proxy.fault === 'refuse' && proxy.only === null) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
