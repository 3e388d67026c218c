// @vitest-environment jsdom
/**
 * The inline view's lifetime: when it is torn down (replaced by a newer instance, or aborted), every
 * host is unmounted before it goes, so the editor's cleanup saves what was typed in the last moment;
 * nothing renders after the abort; a draft the background refuses is shown under the inline editor,
 * the text kept. A takeover event from the page changes nothing; only an instance whose extension
 * is gone steps aside.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { InlineApi } from '../../../src/content/inline/api.ts';
import { announceTakeover, extensionAlive, stepAsideWhenReplaced } from '../../../src/content/inline/handover.ts';
import { hostAttribute, mountOf } from '../../../src/content/inline/hosts.ts';
import { atOnce } from '../../../src/content/inline/idle-chunks.ts';
import type { PageComment } from '../../../src/content/inline/types.ts';
import { InlineView } from '../../../src/content/inline/view.ts';
import { browser } from '../../../src/shared/browser.ts';
import type { InlineComment, InlineState } from '../../../src/shared/inline-protocol.ts';
import { MessageError } from '../../../src/shared/messages.ts';

const page = `
<article id="post-4"><h1>Social Media</h1></article>
<div id="comments">
  <ol class="comment-list">
    <li id="comment-1" class="comment"><article class="comment-body"><b class="fn">Jonas</b><p>Erster!</p></article></li>
  </ol>
  <div id="respond"><form id="commentform"></form></div>
</div>`;

const pending: InlineComment = {
  id: 10,
  parent: 0,
  type: 'comment',
  status: 'hold',
  authorName: 'Leser 10',
  authorUrl: '',
  date: Date.UTC(2026, 10, 29, 8, 10),
  link: 'https://blog.example/2026/11/social-media/#comment-10',
  contentHtml: '<p>Kommentar 10</p>',
  contentRaw: 'Kommentar 10',
  decision: null,
  drafts: {},
};

const controllers: AbortController[] = [];

function setup({ saveDraft, alive }: { saveDraft?: InlineApi['saveDraft']; alive?: () => boolean } = {}) {
  document.body.innerHTML = page;
  const state: InlineState = {
    siteName: 'Demo',
    adminUrl: 'https://blog.example/wp-admin/',
    canModerate: true,
    postId: 4,
    comments: [pending],
    approvedTotals: null,
    undoWindowMs: 5000,
  };
  const fullApi = {
    state: vi.fn(async () => state),
    decide: vi.fn(async () => ({ outboxIds: [1] })),
    undo: vi.fn(async () => ({ result: 'cancelled' as const })),
    saveDraft: saveDraft ?? vi.fn(async () => ({ saved: true })),
    commenterDetails: vi.fn(async () => ({ email: null, ip: null, url: '' })),
    openHistory: vi.fn(async () => ({ opened: true as const })),
  } satisfies InlineApi;
  const controller = new AbortController();
  controllers.push(controller);
  const element = document.getElementById('comment-1') as Element;
  const comments: PageComment[] = [{ id: 1, parentId: 0, type: 'comment', author: 'Jonas', pending: false, element }];
  const view = new InlineView({
    doc: document,
    thread: {
      postId: 4,
      commentsInDom: true,
      comments,
      replyForm: document.getElementById('commentform'),
      article: document.getElementById('post-4'),
    },
    api: fullApi,
    signal: controller.signal,
    // Cards render at once here (the page's idle time is idle-chunks.test.ts's subject).
    idle: atOnce,
    findComments: () => [],
    ...(alive ? { alive } : {}),
  });
  return { view, api: fullApi, controller };
}

const hosts = (kind?: string) => [
  ...document.querySelectorAll(kind ? `[${hostAttribute}="${kind}"]` : `[${hostAttribute}]`),
];
const inside = (host: Element) => mountOf(host) as HTMLElement;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Opens the reply box under the pending comment's card, as its Reply button does (a click made in
 * jsdom is untrusted, and the view ignores untrusted clicks: the view is asked directly).
 */
async function openReply(view: InlineView): Promise<HTMLTextAreaElement> {
  // act(): the editor's effects are in place (its draft saver flushes on unmount), as after a frame.
  await act(() => view.openEditor(pending.id, 'reply'));
  const area = inside(hosts('card')[0] as Element).querySelector('textarea');
  if (!area) throw new Error('no reply box');
  return area;
}

function type(area: HTMLTextAreaElement, text: string): void {
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

describe('the inline view’s lifetime', () => {
  it('torn down right after typing: the editor is unmounted first, so the last keystrokes are saved at once', async () => {
    const { view, api, controller } = setup();
    await view.start();
    const area = await openReply(view);
    type(area, 'Danke für den Hinweis');
    const [card] = hosts('card');
    // No act(), no frame: the save goes out inside the abort itself, as the editor is unmounted
    // (a layout effect's cleanup; Preact 11 runs passive ones after paint, when the host is gone),
    // not when the draft delay (300 ms) would have fired.
    controller.abort();
    expect(api.saveDraft).toHaveBeenCalledWith(pending.id, 'reply', 'Danke für den Hinweis');
    // Every host of this view is gone, each unmounted first (its mount is empty).
    expect(hosts()).toHaveLength(0);
    expect(inside(card as Element).childElementCount).toBe(0);
    // The page's own comments stay.
    expect(document.getElementById('comment-1')).not.toBeNull();
  });

  it('nothing renders after the abort: a request that fails late shows no error in a dead view', async () => {
    let failLater: (error: Error) => void = () => {};
    const { view, api, controller } = setup();
    await view.start();
    const [summary] = hosts('summary');
    api.state.mockImplementationOnce(
      () =>
        new Promise((_, reject) => {
          failLater = reject;
        }),
    );
    const refreshing = view.refresh();
    controller.abort();
    failLater(new Error('Receiving end does not exist.'));
    await refreshing;
    await tick();
    expect(inside(summary as Element).textContent).toBe('');
    expect(hosts()).toHaveLength(0);
  });

  it('a draft the background refuses is shown under the inline editor, the text kept; the next save clears it', async () => {
    const saveDraft = vi.fn(async (): Promise<{ saved: boolean }> => {
      throw new MessageError('site_not_connected', 'This site is not connected.');
    });
    const { view } = setup({ saveDraft });
    await view.start();
    const area = await openReply(view);
    type(area, 'Eine lange Antwort');
    const problem = () => inside(hosts('card')[0] as Element).querySelector('[data-draft-problem]');
    await vi.waitFor(() => expect(problem()?.textContent).toContain('no longer connected to Freigabe'));
    expect(problem()?.getAttribute('role')).toBe('alert');
    expect(area.value).toBe('Eine lange Antwort');
    saveDraft.mockResolvedValue({ saved: true });
    type(area, 'Eine lange Antwort!');
    await vi.waitFor(() => expect(problem()).toBeNull());
    expect(saveDraft).toHaveBeenLastCalledWith(pending.id, 'reply', 'Eine lange Antwort!');
  });
});

/** What the view's toolbars and the card's buttons do when clicked (a jsdom click is untrusted). */
const act10 = (view: InlineView, action: 'approve' | 'spam') =>
  (view as unknown as { actions: { act(id: number, action: string): Promise<void> } }).actions.act(pending.id, action);
const buttons = () => hosts().flatMap((host) => [...inside(host).querySelectorAll('button')]);
const summaryText = () => inside(hosts('summary')[0] as Element).textContent ?? '';

describe('the extension updated or reloaded under the page', () => {
  it('a message to a background that is gone: the view says "updated — reload", offers no broken buttons, rejects nothing', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { view, api } = setup();
      await view.start();
      expect(buttons().some((button) => button.dataset.action === 'approve')).toBe(true);
      api.decide.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
      // The extension's APIs go with it: browser.i18n throws from now on.
      const i18nGone = vi.spyOn(browser.i18n, 'getMessage').mockImplementation(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'getMessage')");
      });
      onTestFinished(() => i18nGone.mockRestore());
      await act10(view, 'approve');
      await tick();
      expect(summaryText()).toContain('Freigabe was updated — reload the page');
      expect(
        inside(hosts('summary')[0] as Element).querySelector('[data-extension-gone] [role="alert"]'),
      ).not.toBeNull();
      // No stack trace, no "Failed: …" line: the note is all.
      expect(summaryText()).not.toContain('Receiving end');
      // The only button left reloads the page; the card keeps its comment.
      expect(buttons().map((button) => button.textContent)).toEqual(['Reload page']);
      expect(inside(hosts('card')[0] as Element).textContent).toContain('Kommentar 10');
      expect(inside(hosts('card')[0] as Element).textContent).toContain('Pending');
      // Stopped: a later action asks the background nothing.
      await act10(view, 'spam');
      expect(api.decide).toHaveBeenCalledTimes(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('"Extension context invalidated" from a refresh does the same', async () => {
    const { view, api } = setup();
    await view.start();
    api.state.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await view.refresh();
    expect(summaryText()).toContain('Freigabe was updated');
    expect(buttons().map((button) => button.textContent)).toEqual(['Reload page']);
  });

  it('an extension already gone when the user acts: nothing is sent, the note shows', async () => {
    let alive = true;
    const { view, api } = setup({ alive: () => alive });
    await view.start();
    alive = false;
    await act10(view, 'approve');
    expect(api.decide).not.toHaveBeenCalled();
    expect(summaryText()).toContain('Freigabe was updated');
  });

  it('coming back to the tab after an update shows the note before any click', async () => {
    let alive = true;
    const { view } = setup({ alive: () => alive });
    await view.start();
    alive = false;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(summaryText()).toContain('Freigabe was updated');
  });

  it('any other failure is shown as it is, the buttons stay', async () => {
    const { view, api } = setup();
    await view.start();
    api.decide.mockRejectedValueOnce(
      new MessageError('rest_cannot_edit', 'Sorry, you are not allowed to edit this comment.'),
    );
    await act10(view, 'approve');
    expect(summaryText()).toContain('Sorry, you are not allowed to edit this comment.');
    expect(summaryText()).not.toContain('Freigabe was updated');
    expect(buttons().some((button) => button.dataset.action === 'approve')).toBe(true);
  });
});

describe('handing over to a newer instance', () => {
  it('a takeover event the page dispatches changes nothing while the extension runs', async () => {
    const { view, controller } = setup();
    await view.start();
    stepAsideWhenReplaced(document, { signal: controller.signal, stepAside: () => controller.abort() });
    // What a hostile page can do: it sees the event's name in our code and dispatches it.
    document.dispatchEvent(new CustomEvent('freigabe:takeover'));
    announceTakeover(document);
    expect(extensionAlive()).toBe(true);
    expect(controller.signal.aborted).toBe(false);
    expect(hosts('card')).toHaveLength(1);
  });

  it('an instance whose extension is gone (updated) steps aside when the new one knocks, its UI unmounted', async () => {
    const { view, controller } = setup();
    await view.start();
    stepAsideWhenReplaced(document, {
      signal: controller.signal,
      stepAside: () => controller.abort(),
      alive: () => false,
    });
    announceTakeover(document);
    expect(controller.signal.aborted).toBe(true);
    expect(hosts()).toHaveLength(0);
  });
});
