/**
 * The router trusts no sender: a content script may only report what it sees, a web page cannot
 * reach the background at all, and malformed messages are refused before any handler runs.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { ContentHandlers, PageHandlers } from '../../../src/background/router.ts';
import { createRouter, toErrorReply } from '../../../src/background/router.ts';
import { DiscoveryError } from '../../../src/shared/wp/discover.ts';
import { testContext } from '../../support/background-context.ts';
import { fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';

const extensionPage = (path: string): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL(path),
});
const contentScript = (url: string): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});

function setup() {
  const content: ContentHandlers = {
    pageDetected: vi.fn(async () => ({ connected: true })),
    inlineState: vi.fn(async () => {
      throw new Error('not used here');
    }),
    decideInline: vi.fn(async () => ({ outboxIds: [1] })),
    undoInline: vi.fn(async () => ({ result: 'cancelled' as const })),
    saveDraftInline: vi.fn(async () => ({ saved: true })),
    commenterDetails: vi.fn(async () => ({ email: null, ip: null, url: '' })),
    openCommenterHistory: vi.fn(async () => ({ opened: true as const })),
    blockInline: vi.fn(async () => ({ list: 'moderation' as const, entry: 'x.example', result: 'added' as const })),
    unblockInline: vi.fn(async () => ({ result: 'removed' as const })),
    loadBlockPanel: vi.fn(async () => ({ loaded: true as const })),
    loadReactionsPanel: vi.fn(async () => ({ loaded: true as const })),
  };
  const site = { siteId: 's', name: 'n', userName: 'u', mode: 'moderator' as const, signIn: 'password' as const };
  const pages: PageHandlers = {
    connectWithPassword: vi.fn(async () => site),
    connectWithSession: vi.fn(async () => site),
    checkSite: vi.fn(async () => ({ name: 'n', loggedInAs: null, sessionNote: '', appPasswordsUnavailable: null })),
    startAuthorization: vi.fn(async () => ({
      authorizeUrl: 'https://blog.example/wp-admin/authorize-application.php',
    })),
    completeAuthorization: vi.fn(async () => site),
    disconnectSite: vi.fn(async () => ({ siteId: 's' })),
    probeTab: vi.fn(async () => ({ kind: 'unavailable' as const })),
    syncNow: vi.fn(async () => []),
    decide: vi.fn(async () => ({ outboxIds: [1] })),
    undo: vi.fn(async () => ({ result: 'cancelled' as const })),
    saveDraft: vi.fn(async () => ({ saved: true })),
    retry: vi.fn(async () => ({ state: 'waiting' as const })),
    clearCache: vi.fn(async () => ({ siteId: 's', removed: 0 })),
    searchServer: vi.fn(async () => ({ sites: [] })),
    checkCommenterHistory: vi.fn(async () => ({ asked: 0 })),
    findUnreplied: vi.fn(async () => ({ sites: [] })),
    readCommenterHistory: vi.fn(async () => {
      throw new Error('not used here');
    }),
    previewJob: vi.fn(async () => ({ total: 0, first: [], route: 'rest' as const })),
    startJob: vi.fn(async () => ({ jobId: 1 })),
    controlJob: vi.fn(async () => ({ state: 'paused' as const })),
    undoJob: vi.fn(async () => ({ jobId: 2 })),
    readBlocklist: vi.fn(async () => null),
    blockCommenter: vi.fn(async () => ({ list: 'moderation' as const, entry: 'x.example', result: 'added' as const })),
    unblock: vi.fn(async () => ({ result: 'removed' as const })),
  };
  const route = createRouter(testContext(), content, pages);
  return { route, content, pages };
}

const connect = { type: 'connectWithPassword', url: 'https://blog.example', username: 'u', password: 'p' };
const detected = {
  type: 'pageDetected',
  page: { isWordPress: true, restRoot: null, postId: 4, commentsInDom: true },
};

describe('background router', () => {
  beforeEach(resetFakeBrowser);

  it('lets the extension’s own pages connect a site', async () => {
    const { route, pages } = setup();
    expect(await route(connect, extensionPage('src/options/index.html'))).toMatchObject({ ok: true });
    expect(pages.connectWithPassword).toHaveBeenCalledOnce();
  });

  it.each([
    ['connect a site', connect],
    ['disconnect a site', { type: 'disconnectSite', siteId: 'https://blog.example/wp-json/' }],
    ['finish a sign-in', { type: 'completeAuthorization', state: 'a'.repeat(48), userLogin: 'u', password: 'p' }],
    ['look into another tab', { type: 'probeTab', tabId: 3 }],
    [
      'moderate a comment',
      { type: 'decide', siteId: 'https://blog.example/wp-json/', commentIds: [1], decision: 'approve' },
    ],
    ['undo a decision', { type: 'undo', outboxId: 1 }],
    [
      'make the extension ask WordPress about commenters',
      { type: 'checkCommenterHistory', siteId: 'https://blog.example/wp-json/', commentIds: [1] },
    ],
  ])('refuses a content script that asks to %s (a hostile page cannot drive actions)', async (_what, message) => {
    const { route, pages } = setup();
    const reply = await route(message, contentScript('https://blog.example/2026/11/x/'));
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_message', message: 'Malformed request.' } });
    for (const handler of Object.values(pages)) expect(handler).not.toHaveBeenCalled();
  });

  it('passes a content script’s report with its tab and page URL', async () => {
    const { route, content } = setup();
    expect(await route(detected, contentScript('https://blog.example/2026/11/x/'))).toEqual({
      ok: true,
      value: { connected: true },
    });
    expect(content.pageDetected).toHaveBeenCalledWith(expect.anything(), detected, {
      tabId: 7,
      url: new URL('https://blog.example/2026/11/x/'),
    });
  });

  it('refuses other extensions and senders without a tab', async () => {
    const { route, content } = setup();
    expect(await route(detected, { id: 'other-extension', url: 'https://blog.example/' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(await route(detected, { id: fakeBrowser.runtime.id, url: 'https://blog.example/' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(content.pageDetected).not.toHaveBeenCalled();
  });

  it.each([
    ['no type', {}],
    ['unknown type', { type: 'deleteEverything' }],
    ['wrong field type', { type: 'pageDetected', page: { isWordPress: 'yes', restRoot: null, postId: 4 } }],
    ['negative post id', { type: 'pageDetected', page: { isWordPress: true, restRoot: null, postId: -1 } }],
    ['not an object', 'pageDetected'],
  ])('refuses a malformed message (%s)', async (_name, message) => {
    const { route, content } = setup();
    expect(await route(message, contentScript('https://blog.example/'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    expect(content.pageDetected).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown list', { type: 'blockCommenter', siteId: 's', commentId: 3, key: 'email', list: 'spam' }],
    ['an unknown key', { type: 'blockCommenter', siteId: 's', commentId: 3, key: 'name', list: 'moderation' }],
    ['an entry far too long', { type: 'unblock', siteId: 's', list: 'moderation', entry: 'x'.repeat(401) }],
    ['no comment on the page', { type: 'blockInline', commentId: 0, key: 'ip', list: 'disallowed' }],
  ])('refuses a malformed block message (%s)', async (_name, message) => {
    const { route, pages, content } = setup();
    const sender =
      message.type === 'blockInline' ? contentScript('https://blog.example/') : extensionPage('src/popup/index.html');
    expect(await route(message, sender)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(pages.blockCommenter).not.toHaveBeenCalled();
    expect(pages.unblock).not.toHaveBeenCalled();
    expect(content.blockInline).not.toHaveBeenCalled();
  });

  it('turns a handler’s failure into an error reply instead of throwing', async () => {
    const { route, pages } = setup();
    vi.mocked(pages.syncNow).mockRejectedValueOnce(new Error('disk full'));
    expect(await route({ type: 'syncNow' }, extensionPage('src/popup/index.html'))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk full' },
    });
  });
});

describe('error replies', () => {
  it('connecting behind a firewall: the reply names it, the path to let through and where (the user’s language)', () => {
    const error = new DiscoveryError(
      'firewall',
      'English for logs',
      {},
      { kind: 'challenge', firewall: 'Cloudflare', path: '/wp-json/' },
    );
    const reply = toErrorReply(error);
    expect(reply.code).toBe('firewall');
    expect(reply.message).toMatch(/^Freigabe cannot connect: its requests to \/wp-json\/ are answered by Cloudflare/);
    expect(reply.message).toContain('Skip the challenge for /wp-json/');
    expect(reply.message).toContain('In Cloudflare: Security → WAF → Custom rules');
  });
});
