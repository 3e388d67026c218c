// @vitest-environment jsdom
/**
 * The inline view's keys are the shared model's (src/shared/moderation.ts), as in the popup: `z`
 * takes back the last decision made on the page, and with nothing to take back restores the
 * current comment from spam or trash; the text keys open a box only where the model offers one (no
 * "approve and reply" on a spam comment).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InlineApi } from '../../../src/content/inline/api.ts';
import { atOnce } from '../../../src/content/inline/idle-chunks.ts';
import { onKey } from '../../../src/content/inline/keyboard.ts';
import type { PageWatch } from '../../../src/content/inline/page-watch.ts';
import { InlineView } from '../../../src/content/inline/view.ts';
import type { ViewActions } from '../../../src/content/inline/view-actions.ts';
import type { ViewContext } from '../../../src/content/inline/view-context.ts';
import type { InlineComment, InlineState } from '../../../src/shared/inline-protocol.ts';
import { textKeys, undoKey } from '../../../src/shared/moderation.ts';

const cached = (id: number, status: string): InlineComment => ({
  id,
  parent: 0,
  type: 'comment',
  status,
  authorName: `Leser ${id}`,
  authorUrl: '',
  date: Date.UTC(2026, 10, 29, 8, id),
  link: `https://blog.example/2026/11/social-media/#comment-${id}`,
  contentHtml: `<p>Kommentar ${id}</p>`,
  contentRaw: `Kommentar ${id}`,
  decision: null,
  drafts: {},
});

const controllers: AbortController[] = [];

async function setup() {
  document.body.innerHTML = `<article id="post-4"></article><div id="comments"><ol class="comment-list"></ol>
    <div id="respond"><form id="commentform"></form></div></div>`;
  const state: InlineState = {
    siteName: 'Demo',
    adminUrl: 'https://blog.example/wp-admin/',
    canModerate: true,
    postId: 4,
    comments: [cached(10, 'hold'), cached(11, 'spam'), cached(12, 'trash')],
    approvedTotals: null,
    undoWindowMs: 5000,
  };
  const api = {
    state: vi.fn(async () => state),
    decide: vi.fn(async () => ({ outboxIds: [77] })),
    undo: vi.fn(async () => ({ result: 'cancelled' as const })),
    saveDraft: vi.fn(async () => ({ saved: true })),
    commenterDetails: vi.fn(async () => ({ email: null, ip: null, url: '' })),
    openHistory: vi.fn(async () => ({ opened: true as const })),
  } satisfies InlineApi;
  const controller = new AbortController();
  controllers.push(controller);
  const view = new InlineView({
    doc: document,
    thread: {
      postId: 4,
      commentsInDom: true,
      comments: [],
      replyForm: document.getElementById('commentform'),
      article: document.getElementById('post-4'),
    },
    api,
    signal: controller.signal,
    // Cards render at once here (the page's idle time is idle-chunks.test.ts's subject).
    idle: atOnce,
    findComments: () => [],
  });
  await view.start();
  const parts = view as unknown as { ctx: ViewContext; actions: ViewActions; watch: PageWatch };
  /** A key press on comment `id` (a real user's: a synthetic event is never trusted). */
  const press = async (key: string, id: number) => {
    parts.ctx.model.currentId = id;
    const event = {
      key,
      isTrusted: true,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      defaultPrevented: false,
      target: document.body,
      preventDefault: vi.fn(),
    } as unknown as KeyboardEvent;
    onKey(parts.ctx, parts.actions, parts.watch, event);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { api, model: parts.ctx.model, press };
}

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

describe('the inline view’s keys', () => {
  it('z with nothing to undo restores the current comment from spam ("Not spam") or trash ("Restore"), as the popup does', async () => {
    const { api, press } = await setup();
    await press(undoKey, 11);
    expect(api.decide).toHaveBeenLastCalledWith([11], 'unspam', undefined);
    await press(undoKey, 12);
    expect(api.undo).toHaveBeenCalledWith(77);
    // The restore above was taken back; now nothing is left to undo: z restores from trash.
    await press(undoKey, 12);
    expect(api.decide).toHaveBeenLastCalledWith([12], 'untrash', undefined);
    expect(api.decide).toHaveBeenCalledTimes(2);
  });

  it('z takes back the last decision made here first, before anything is restored', async () => {
    const { api, press } = await setup();
    await press('s', 10);
    expect(api.decide).toHaveBeenLastCalledWith([10], 'spam', undefined);
    await press(undoKey, 11);
    expect(api.undo).toHaveBeenCalledWith(77);
    expect(api.decide).toHaveBeenCalledTimes(1);
  });

  it('z on a pending comment with nothing to undo does nothing', async () => {
    const { api, press } = await setup();
    await press(undoKey, 10);
    expect(api.decide).not.toHaveBeenCalled();
    expect(api.undo).not.toHaveBeenCalled();
  });

  it('the text keys are the model’s: reply and approve-and-reply open a box on a pending comment', async () => {
    const { model, press } = await setup();
    await press(textKeys.reply, 10);
    expect(model.editing).toEqual({ commentId: 10, kind: 'reply' });
    model.editing = null;
    await press(textKeys.approveAndReply, 10);
    expect(model.editing).toEqual({ commentId: 10, kind: 'reply' });
    model.editing = null;
    await press(textKeys.edit, 10);
    expect(model.editing).toEqual({ commentId: 10, kind: 'edit' });
  });

  it('…and nothing where the model offers no box: no reply or "approve and reply" on spam', async () => {
    const { api, model, press } = await setup();
    await press(textKeys.approveAndReply, 11);
    await press(textKeys.reply, 11);
    expect(model.editing).toBeNull();
    expect(api.decide).not.toHaveBeenCalled();
  });
});
