/**
 * The popup wired to the real background handlers over the fake browser's runtime messaging: a
 * decision from the popup goes through the router into the test database, and the popup's live
 * queries see it, as in the extension. Every request is recorded for assertions.
 */
import type { Runtime } from 'webextension-polyfill';
import type { BackgroundContext } from '../../src/background/context.ts';
import { contentHandlers, pageHandlers } from '../../src/background/handlers.ts';
import { createRouter, type PageHandlers } from '../../src/background/router.ts';
import type { CommentRow, OutboxRow } from '../../src/shared/db/index.ts';
import type { PageRequest } from '../../src/shared/messages.ts';
import { saveSettings } from '../../src/shared/settings.ts';
import { testContext } from './background-context.ts';
import { fakeBrowser, resetFakeBrowser } from './fake-browser.ts';
import { testSiteId } from './rows.ts';

export interface PopupHarness {
  ctx: BackgroundContext;
  requests: PageRequest[];
  requestsOf<T extends PageRequest['type']>(type: T): Extract<PageRequest, { type: T }>[];
}

export async function popupHarness({
  undoWindowSeconds = 60,
  fetch = () => Promise.reject(new TypeError('no network in unit tests')),
  handlers = {},
}: {
  undoWindowSeconds?: number;
  /** what the background reaches WordPress with (by default: no network) */
  fetch?: typeof globalThis.fetch;
  /** handlers that stand in for the real ones (a fake engine behind the same messages) */
  handlers?: Partial<PageHandlers>;
} = {}): Promise<PopupHarness> {
  resetFakeBrowser();
  // A long undo window: nothing is flushed (no network) while a test runs.
  const ctx = testContext({ fetch });
  await saveSettings(ctx.db, { undoWindowSeconds });
  const route = createRouter(ctx, contentHandlers, { ...pageHandlers, ...handlers } as PageHandlers);
  const sender: Runtime.MessageSender = {
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('src/popup/index.html'),
  };
  const requests: PageRequest[] = [];
  fakeBrowser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      requests.push(message as PageRequest);
      void route(message, sender).then(sendResponse);
      return true;
    },
  );
  return {
    ctx,
    requests,
    requestsOf: <T extends PageRequest['type']>(type: T) =>
      requests.filter((request): request is Extract<PageRequest, { type: T }> => request.type === type),
  };
}

let nextDate = Date.parse('2026-11-29T07:00:00Z');

/** A cached comment as the sync writes it. */
export function commentRow(id: number, overrides: Partial<CommentRow> = {}): CommentRow {
  nextDate += 1000;
  return {
    siteId: testSiteId,
    id,
    post: 4,
    parent: 0,
    authorName: `Leserin ${id}`,
    authorUrl: '',
    authorEmail: `leserin${id}@example.org`,
    authorIp: '198.51.100.7',
    authorUserAgent: null,
    date: nextDate,
    contentHtml: `<p>Kommentar Nummer ${id}</p>`,
    contentRaw: `Kommentar Nummer ${id}`,
    link: `https://blog.example/p/#comment-${id}`,
    status: 'hold',
    type: 'comment',
    syncedAt: 0,
    ...overrides,
  };
}

/** An open decision about comment 1, waiting in its undo window (a snapshot of another comment). */
export function outboxRow(overrides: Partial<OutboxRow> = {}): OutboxRow {
  return {
    siteId: testSiteId,
    commentId: 1,
    decision: 'approve',
    previousStatus: 'hold',
    snapshot: commentRow(99),
    state: 'waiting',
    createdAt: Date.now(),
    notBefore: Date.now() + 4_500,
    attempts: 0,
    sentAt: null,
    error: null,
    undoOf: null,
    content: null,
    resultId: null,
    ...overrides,
  };
}
