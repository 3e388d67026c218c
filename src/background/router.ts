/**
 * Receives every message, checks who sent it and that it has the right shape, and hands it to one
 * handler. Content scripts may only report what they see; only the extension's own pages may ask
 * for anything that acts on a site.
 */
import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import {
  type ContentRequest,
  contentRequestSchema,
  type PageRequest,
  pageRequestSchema,
} from '../shared/message-schemas.ts';
import type { ErrorReply, Reply, ResponseMap } from '../shared/messages.ts';
import { reportError } from '../shared/report-error.ts';
import { DiscoveryError } from '../shared/wp/discover.ts';
import { WpError } from '../shared/wp/errors.ts';
import type { BackgroundContext } from './context.ts';
import { connectBlockedText } from './firewall-text.ts';
import { ReplyError } from './reply-error.ts';
import { storageFailure, storageFailureReply } from './storage-failure.ts';

export type ContentHandlers = {
  [K in ContentRequest['type']]: (
    ctx: BackgroundContext,
    request: Extract<ContentRequest, { type: K }>,
    from: { tabId: number; url: URL },
  ) => Promise<ResponseMap[K]>;
};

export type PageHandlers = {
  [K in PageRequest['type']]: (
    ctx: BackgroundContext,
    request: Extract<PageRequest, { type: K }>,
  ) => Promise<ResponseMap[K]>;
};

/** An answer the user reads (ours, WordPress's, discovery's); anything else is a bug or a broken cache. */
const isAnswer = (error: unknown) =>
  error instanceof ReplyError ||
  error instanceof WpError ||
  error instanceof DiscoveryError ||
  storageFailure(error) !== null;

const messageType = (message: unknown) =>
  String((message as { type?: unknown } | null)?.type ?? 'message').slice(0, 40);

export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof ReplyError) return { code: error.code, message: error.message };
  if (error instanceof WpError) return { code: error.code ?? error.kind, message: error.message };
  if (error instanceof DiscoveryError)
    return { code: error.reason, message: connectBlockedText(error) ?? error.message };
  // The browser would not store it (quota, an aborted transaction): nothing was kept, say so plainly.
  const storage = storageFailure(error);
  if (storage !== null) return storageFailureReply(storage);
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function createRouter(ctx: BackgroundContext, content: ContentHandlers, pages: PageHandlers) {
  const extensionBase = ctx.browser.runtime.getURL('');

  async function route(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
    if (sender.id !== ctx.browser.runtime.id || !sender.url) {
      return { ok: false, error: { code: 'forbidden_sender', message: 'Unknown sender.' } };
    }
    if (sender.url.startsWith(extensionBase)) {
      const parsed = v.safeParse(pageRequestSchema, message);
      if (!parsed.success) return { ok: false, error: { code: 'invalid_message', message: 'Malformed request.' } };
      const request = parsed.output;
      const handler = pages[request.type] as (ctx: BackgroundContext, request: PageRequest) => Promise<unknown>;
      return { ok: true, value: await handler(ctx, request) };
    }
    const tabId = sender.tab?.id;
    const url = URL.canParse(sender.url) ? new URL(sender.url) : null;
    if (tabId === undefined || url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return { ok: false, error: { code: 'forbidden_sender', message: 'Unknown sender.' } };
    }
    const parsed = v.safeParse(contentRequestSchema, message);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_message', message: 'Malformed request.' } };
    const request = parsed.output;
    const handler = content[request.type] as (
      ctx: BackgroundContext,
      request: ContentRequest,
      from: { tabId: number; url: URL },
    ) => Promise<unknown>;
    return { ok: true, value: await handler(ctx, request, { tabId, url }) };
  }

  return async (message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> => {
    try {
      return await route(message, sender);
    } catch (error) {
      // The sender shows the answer; kept, and printed when it is not one of ours (a bug, a broken cache).
      reportError(error, { where: `background: ${messageType(message)}`, silent: isAnswer(error) });
      return { ok: false, error: toErrorReply(error) };
    }
  };
}
