// @vitest-environment jsdom
/**
 * The inline view on a small classic-theme thread: pending comments land under their parent (or at
 * the end of the list when the parent is not on the page), toolbars offer only what the status
 * allows, the summary counts, nothing is readable from the page (closed shadow roots), and
 * synthetic (untrusted) clicks and keys do nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InlineApi } from '../../../src/content/inline/api.ts';
import { hostAttribute, mountOf } from '../../../src/content/inline/hosts.ts';
import { atOnce } from '../../../src/content/inline/idle-chunks.ts';
import type { PageComment } from '../../../src/content/inline/types.ts';
import { InlineView } from '../../../src/content/inline/view.ts';
import type { InlineComment, InlineState } from '../../../src/shared/inline-protocol.ts';

const page = `
<article id="post-4"><h1>Social Media</h1></article>
<div id="comments">
  <ol class="comment-list">
    <li id="comment-1" class="comment"><article class="comment-body"><b class="fn">Jonas</b><p>Erster!</p></article></li>
    <li id="comment-2" class="comment"><article class="comment-body"><b class="fn">Lena</b><p>Gute Punkte.</p></article>
      <ol class="children"><li id="comment-3" class="comment"><article class="comment-body"><b class="fn">Katrin</b><p>Danke</p></article></li></ol>
    </li>
  </ol>
  <div id="respond"><form id="commentform"></form></div>
</div>`;

function comment(id: number, parent: number, status = 'hold', overrides: Partial<InlineComment> = {}): InlineComment {
  return {
    id,
    parent,
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
    ...overrides,
  };
}

const controllers: AbortController[] = [];

function setup(cached: InlineComment[], canModerate = true) {
  document.body.innerHTML = page;
  const element = (id: number) => document.getElementById(`comment-${id}`) as Element;
  const comments: PageComment[] = [
    { id: 1, parentId: 0, type: 'comment', author: 'Jonas', pending: false, element: element(1) },
    { id: 2, parentId: 0, type: 'comment', author: 'Lena', pending: false, element: element(2) },
    { id: 3, parentId: 2, type: 'comment', author: 'Katrin', pending: false, element: element(3) },
  ];
  const state: InlineState = {
    siteName: 'Demo',
    adminUrl: 'https://blog.example/wp-admin/',
    canModerate,
    postId: 4,
    comments: cached,
    approvedTotals: null,
    undoWindowMs: 5000,
  };
  const api = {
    state: vi.fn(async (_includeSpam?: boolean, _keep?: number[]) => state),
    decide: vi.fn(async () => ({ outboxIds: [1] })),
    undo: vi.fn(async () => ({ result: 'cancelled' as const })),
    saveDraft: vi.fn(async () => ({ saved: true })),
    commenterDetails: vi.fn(async () => ({ email: 'leser@example.org', ip: '198.51.100.7', url: '' })),
    openHistory: vi.fn(async () => ({ opened: true as const })),
  } satisfies InlineApi;
  const controller = new AbortController();
  controllers.push(controller);
  const view = new InlineView({
    doc: document,
    thread: {
      postId: 4,
      commentsInDom: true,
      comments,
      replyForm: document.getElementById('commentform'),
      article: document.getElementById('post-4'),
    },
    api,
    signal: controller.signal,
    // Cards render at once here (the page's idle time is idle-chunks.test.ts's subject).
    idle: atOnce,
    findComments: (root) =>
      [root as Element, ...(root as Element).querySelectorAll('li.comment')]
        .filter((li) => li.matches('li.comment'))
        .map((li) => ({
          id: Number(li.id.replace('comment-', '')),
          parentId: 0,
          type: 'comment' as const,
          author: '',
          pending: false,
          element: li,
        })),
  });
  return { view, api, controller };
}

const hosts = (kind: string) => [...document.querySelectorAll(`[${hostAttribute}="${kind}"]`)];
const inside = (host: Element) => mountOf(host) as HTMLElement;

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

describe('inline view', () => {
  it('puts pending comments under their parent, or at the end of the thread when the parent is not shown', async () => {
    const { view } = setup([comment(10, 2), comment(11, 0), comment(12, 99), comment(3, 2, 'approved')]);
    await view.start();
    const cards = hosts('card');
    expect(cards).toHaveLength(3);
    const [under2, top, orphan] = cards;
    // Under Lena's comment, in her reply list, after Katrin's reply.
    expect(under2?.parentElement?.matches('#comment-2 > ol.children')).toBe(true);
    expect(under2?.previousElementSibling?.id).toBe('comment-3');
    expect(under2?.localName).toBe('li');
    expect(top?.parentElement?.classList.contains('comment-list')).toBe(true);
    expect(orphan?.parentElement?.classList.contains('comment-list')).toBe(true);
    expect(inside(under2 as Element).textContent).toContain('Leser 10');
    expect(inside(under2 as Element).textContent).toContain('Pending');
  });

  it('"as readers see it" hides every card and toolbar; spam cards only show when asked for', async () => {
    const { view } = setup([comment(10, 0), comment(12, 0, 'spam')]);
    await view.start();
    const display = (host: Element | undefined) => (host as HTMLElement).style.getPropertyValue('display');
    expect(hosts('card')).toHaveLength(1);
    expect(display(hosts('card')[0])).toBe('block');
    (view as unknown as { ctx: { model: { withPending: boolean } } }).ctx.model.withPending = false;
    await view.refresh();
    expect(hosts('card').map(display)).toEqual(['none']);
    expect(hosts('toolbar').every((host) => display(host) === 'none')).toBe(true);
  });

  it('a card spammed here with "Show spam" off shows Spam, Not spam and its undo — not "Pending", not gone', async () => {
    const { view, api } = setup([comment(10, 0)]);
    // The background's answer: spam only for the comments the page asks to keep (background/inline/state.ts).
    const spammed = comment(10, 0, 'spam', {
      decision: {
        outboxId: 1,
        decision: 'spam',
        state: 'waiting',
        notBefore: Date.now() + 5000,
        error: null,
        errorKind: null,
      },
    });
    const before = await api.state();
    api.state.mockClear();
    api.state.mockImplementation(async (_includeSpam?: boolean, keep: number[] = []) => ({
      ...before,
      comments: keep.includes(10) ? [spammed] : [comment(10, 0)],
    }));
    await view.start();
    const [card] = hosts('card');
    (view as unknown as { actions: { act(id: number, action: string): Promise<void> } }).actions.act(10, 'spam');
    await vi.waitFor(() => expect(api.decide).toHaveBeenCalledWith([10], 'spam', undefined));
    await vi.waitFor(() => expect(api.state).toHaveBeenLastCalledWith(false, [10]));
    await vi.waitFor(() => expect(inside(card as Element).textContent).toContain('Spam'));
    expect((card as HTMLElement).style.getPropertyValue('display')).toBe('block');
    expect(inside(card as Element).textContent).not.toContain('Pending');
    const buttons = [...inside(card as Element).querySelectorAll('button')].map(
      (b) => b.getAttribute('data-action') ?? b.textContent,
    );
    expect(buttons).toContain('unspam');
    expect(buttons).toContain('Undo');
  });

  it('a toolbar goes right after the comment’s own Reply link, never after a nested reply’s', async () => {
    const { view } = setup([]);
    const lena = document.getElementById('comment-2') as Element;
    lena
      .querySelector('article')
      ?.insertAdjacentHTML(
        'beforeend',
        '<div class="reply"><a class="comment-reply-link" href="?replytocom=2">Reply</a></div>',
      );
    document
      .querySelector('#comment-3 article')
      ?.insertAdjacentHTML('beforeend', '<div class="reply"><a class="comment-reply-link">Reply</a></div>');
    await view.start();
    const toolbarOf2 = hosts('toolbar').find((host) => host.closest('li')?.id === 'comment-2');
    expect(toolbarOf2?.previousElementSibling?.matches('div.reply')).toBe(true);
    expect(toolbarOf2?.parentElement?.matches('#comment-2 > article')).toBe(true);
  });

  it('on an article without published comments, cards and the bar go before the whole reply block', async () => {
    const { view } = setup([comment(10, 0)]);
    (view as unknown as { ctx: { options: { thread: { comments: unknown[] } } } }).ctx.options.thread.comments.length =
      0;
    document.querySelector('.comment-list')?.remove();
    document.getElementById('respond')?.insertAdjacentHTML('afterbegin', '<h3 id="reply-title">Leave a comment</h3>');
    await view.start();
    const [card] = hosts('card');
    const [summary] = hosts('summary');
    expect(card?.nextElementSibling?.id).toBe('respond');
    expect(summary?.nextElementSibling).toBe(card);
  });

  it('a reply list is made for a parent that has none yet', async () => {
    const { view } = setup([comment(10, 1)]);
    await view.start();
    const [card] = hosts('card');
    expect(card?.parentElement?.matches('#comment-1 > ol.children')).toBe(true);
  });

  it('toolbars offer what the status allows, and nothing to a user who may not moderate', async () => {
    const { view } = setup([comment(10, 0), comment(2, 0, 'approved')]);
    await view.start();
    const actionsOf = (host: Element | undefined) =>
      [...inside(host as Element).querySelectorAll('button[data-action]')].map((b) => b.getAttribute('data-action'));
    // After the decisions: what every moderated comment offers.
    const always = ['edit', 'reply', 'openAdmin', 'details', 'history'];
    expect(actionsOf(hosts('card')[0])).toEqual(['approve', 'approveAndReply', 'spam', 'trash', ...always]);
    const toolbarOf2 = hosts('toolbar').find((host) => host.parentElement?.id === 'comment-2');
    expect(actionsOf(toolbarOf2)).toEqual(['unapprove', 'spam', 'trash', ...always]);
    // The toolbar sits after the comment's body and before its replies.
    expect(toolbarOf2?.nextElementSibling?.matches('ol.children')).toBe(true);

    const reader = setup([comment(10, 0)], false);
    await reader.view.start();
    expect(hosts('card')).toHaveLength(1);
    expect(inside(hosts('card')[0] as Element).querySelectorAll('button[data-action]')).toHaveLength(0);
  });

  it('Akismet’s verdict in a line on the card and the toolbar; History asks the background to open it', async () => {
    const akismet = {
      result: 'spam' as const,
      history: [
        { time: Date.now() - 3 * 86_400_000, event: 'check-spam', user: null },
        { time: Date.now() - 3600_000, event: 'report-ham', user: 'redaktion' },
      ],
    };
    const { view, api } = setup([comment(10, 0, 'hold', { akismet }), comment(2, 0, 'approved', { akismet })]);
    await view.start();
    const expected = 'Akismet: spam · caught 3 days ago · reported not spam by \u2068redaktion\u2069';
    expect(inside(hosts('card')[0] as Element).querySelector('.akismet-line')?.textContent).toBe(expected);
    const toolbarOf2 = hosts('toolbar').find((host) => host.parentElement?.id === 'comment-2');
    expect(inside(toolbarOf2 as Element).querySelector('.akismet-line')?.textContent).toBe(expected);
    // Without a verdict (no Bridge, an author): no line.
    const toolbarOf1 = hosts('toolbar').find((host) => host.parentElement?.id === 'comment-1');
    expect(inside(toolbarOf1 as Element).querySelector('.akismet-line')).toBeNull();
    const history = inside(toolbarOf2 as Element).querySelector('button[data-action="history"]');
    expect(history?.getAttribute('title')).toBe('History of \u2068Lena\u2069 (opens the queue in a tab)');
    await (view as unknown as { actions: { act(id: number, action: string): Promise<void> } }).actions.act(
      2,
      'history',
    );
    expect(api.openHistory).toHaveBeenCalledWith(2);
  });

  it('a decision’s state: held up by a firewall "Waiting", retried "Will be tried again", refused "Failed" — each with its message', async () => {
    const decision = (state: 'waiting' | 'failed', errorKind: string, error: string) => ({
      outboxId: 1,
      decision: 'approve' as const,
      state,
      notBefore: 0,
      error,
      errorKind,
    });
    const { view } = setup([
      comment(10, 0, 'hold', { decision: decision('waiting', 'blocked', 'Cloudflare challenge on /wp-json/.') }),
      comment(11, 0, 'hold', { decision: decision('waiting', 'retryable', 'Could not reach WordPress.') }),
      comment(12, 0, 'hold', { decision: decision('failed', 'forbidden', 'Sorry, comments are closed.') }),
    ]);
    await view.start();
    const states = hosts('card').map((host) => inside(host).querySelector('.state')?.textContent?.trim());
    expect(states).toEqual([
      'Waiting: Cloudflare challenge on /wp-json/. Undo',
      'Will be tried again: Could not reach WordPress. Undo',
      'Failed: Sorry, comments are closed. Undo',
    ]);
  });

  it('the summary counts pending, spam and pingbacks', async () => {
    const { view } = setup([comment(10, 0), comment(11, 0, 'hold', { type: 'pingback' }), comment(12, 0, 'spam')]);
    await view.start();
    const [summary] = hosts('summary');
    expect(summary?.nextElementSibling?.classList.contains('comment-list')).toBe(true);
    expect(inside(summary as Element).textContent).toContain('2 pending · 1 spam · 1 pingbacks');
  });

  it('the page can neither read our UI nor drive it: closed shadow roots, untrusted clicks and keys ignored', async () => {
    const { view, api } = setup([comment(10, 0)]);
    await view.start();
    const [card] = hosts('card');
    expect((card as HTMLElement).shadowRoot).toBeNull();
    const approve = inside(card as Element).querySelector('button[data-action="approve"]') as HTMLButtonElement;
    approve.click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    (card as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.decide).not.toHaveBeenCalled();
    expect(api.commenterDetails).not.toHaveBeenCalled();
    // Emails and IPs are not on the page unless asked for.
    expect(inside(card as Element).textContent).not.toContain('example.org');
  });

  it('follows comments the page adds later (load more), looking only at added nodes', async () => {
    const { view } = setup([]);
    await view.start();
    const before = hosts('toolbar').length;
    const more = document.createElement('li');
    more.id = 'comment-5';
    more.className = 'comment';
    more.innerHTML = '<article class="comment-body"><p>Später</p></article>';
    document.querySelector('.comment-list')?.append(more);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(view.pageComments.map((c) => c.id)).toContain(5);
    expect(hosts('toolbar').length).toBe(before + 1);
  });

  it('aborting removes nothing of the page and stops listening', async () => {
    const { view, controller } = setup([comment(12, 0, 'spam')]);
    await view.start();
    controller.abort();
    const more = document.createElement('li');
    more.id = 'comment-6';
    more.className = 'comment';
    document.querySelector('.comment-list')?.append(more);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(view.pageComments.map((c) => c.id)).not.toContain(6);
    expect(document.getElementById('comment-1')).not.toBeNull();
  });
});
