// @vitest-environment jsdom
/**
 * The inline view on paged and threaded articles, in real WordPress 7.1 markup
 * (test/fixtures/threading/: 25 top-level comments, 10 per page, 59 replies to 36, 62 to 59):
 * a reply to a comment at the depth limit goes beside it as WordPress prints it (after it, at its
 * level), a pending comment that belongs on
 * another comment page is not drawn here but named in the summary bar, and with threading off a
 * reply is placed flat by date with "In reply to X.".
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findComments } from '../../../src/content/detect/index.ts';
import type { InlineApi } from '../../../src/content/inline/api.ts';
import { hostAttribute, mountOf } from '../../../src/content/inline/hosts.ts';
import { atOnce } from '../../../src/content/inline/idle-chunks.ts';
import { InlineView } from '../../../src/content/inline/view.ts';
import type { InlineComment, InlineState } from '../../../src/shared/inline-protocol.ts';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

/** Known replies in the fixtures (the markup of a flattened reply does not say its parent). */
const parents: Record<number, number> = { 59: 36, 62: 59 };

/** The fixture's comments as the cache holds them: dates from the page, permalinks on this origin. */
function approvedOnPage(): InlineComment[] {
  return [...document.querySelectorAll('li[id^="comment-"]')].map((li) => {
    const id = Number(li.id.slice('comment-'.length));
    const link = li.querySelector(`a[href$="#comment-${id}"]`)?.getAttribute('href') ?? '';
    return pendingComment(id, parents[id] ?? 0, {
      status: 'approved',
      date: Date.parse(li.querySelector('time')?.getAttribute('datetime') ?? ''),
      link: link.replace('https://blog.example', location.origin),
    });
  });
}

function pendingComment(id: number, parent: number, fields: Partial<InlineComment>): InlineComment {
  return {
    id,
    parent,
    type: 'comment',
    status: 'hold',
    authorName: `Leser ${id}`,
    authorUrl: '',
    date: 0,
    link: `${location.origin}/2026/12/paged-probe/#comment-${id}`,
    contentHtml: `<p>Kommentar ${id}</p>`,
    contentRaw: null,
    decision: null,
    drafts: {},
    ...fields,
  };
}

async function open(
  fixture: string,
  path: string,
  pending: (approved: InlineComment[]) => InlineComment[],
  approvedTotals: InlineState['approvedTotals'] = null,
) {
  window.history.replaceState(null, '', path);
  const html = readFileSync(`test/fixtures/threading/${fixture}.html`, 'utf8');
  document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  const approved = approvedOnPage();
  const state: InlineState = {
    siteName: 'Demo',
    adminUrl: `${location.origin}/wp-admin/`,
    canModerate: true,
    postId: 8,
    comments: [...approved, ...pending(approved)].sort((a, b) => a.date - b.date),
    approvedTotals,
    undoWindowMs: 5000,
  };
  const api = {
    state: vi.fn(async () => state),
    decide: vi.fn(async () => ({ outboxIds: [1] })),
    undo: vi.fn(async () => ({ result: 'cancelled' as const })),
    saveDraft: vi.fn(async () => ({ saved: true })),
    commenterDetails: vi.fn(async () => ({ email: null, ip: null, url: '' })),
    openHistory: vi.fn(async () => ({ opened: true as const })),
  } satisfies InlineApi;
  const controller = new AbortController();
  controllers.push(controller);
  const url = new URL(location.href);
  const comments = findComments(document.body, { url });
  const view = new InlineView({
    doc: document,
    thread: {
      postId: 8,
      commentsInDom: true,
      comments,
      replyForm: document.querySelector('#commentform'),
      article: document.querySelector('article'),
    },
    api,
    signal: controller.signal,
    // Cards render at once here (the page's idle time is idle-chunks.test.ts's subject).
    idle: atOnce,
    findComments: (root) => findComments(root, { url, known: comments }),
  });
  await view.start();
}

const hosts = (kind: string) => [...document.querySelectorAll(`[${hostAttribute}="${kind}"]`)] as HTMLElement[];
const text = (host: Element | undefined) => (host ? (mountOf(host)?.textContent ?? '') : '');
const cardOf = (id: number) => hosts('card').find((card) => text(card).includes(`Kommentar ${id}`));
const minutesAfter = (comment: InlineComment | undefined, minutes: number) => (comment?.date ?? 0) + minutes * 60_000;

describe('inline view on paged, threaded WordPress pages', () => {
  for (const [fixture, where] of [
    ['tt1-depth2', 'classic walker'],
    ['tt5-depth2', 'block comment template: its <li> in the <li> is closed by the HTML parser'],
  ] as const) {
    it(`${fixture}: a reply to a comment at the depth limit goes beside it — ${where}`, async () => {
      await open(fixture, '/2026/12/paged-probe/comment-page-1/', (approved) => {
        const at = approved.find((c) => c.id === 62);
        return [
          pendingComment(70, 62, {
            date: minutesAfter(at, 1),
            link: `${location.origin}/2026/12/paged-probe/comment-page-1/#comment-70`,
          }),
          pendingComment(71, 59, {
            date: minutesAfter(at, 2),
            link: `${location.origin}/2026/12/paged-probe/comment-page-1/#comment-71`,
          }),
        ];
      });
      const [reply62, reply59] = [cardOf(70), cardOf(71)];
      // 59, 62 (its reply, printed beside it), then the pending reply to 62, then the one to 59.
      const deep = document.getElementById('comment-62') as Element;
      expect(deep.previousElementSibling?.id).toBe('comment-59');
      expect(reply62?.previousElementSibling).toBe(deep);
      expect(reply59?.previousElementSibling).toBe(reply62);
      expect(reply62?.localName).toBe('li');
      // At the parent's depth, so the theme indents it as it indents 62 (Twenty Twenty-One: by class).
      expect(reply62?.classList.contains('depth-2')).toBe(true);
      expect(text(reply62)).toContain('In reply to \u2068Leser 62\u2069.');
    });
  }

  it('page 1: pending comments of other pages are not drawn here; the summary names their pages', async () => {
    await open('tt1-depth2', '/2026/12/paged-probe/comment-page-1/', (approved) => {
      const last = approved.at(-1);
      const page = (n: number, id: number) => `${location.origin}/2026/12/paged-probe/comment-page-${n}/#comment-${id}`;
      return [
        pendingComment(72, 44, { date: minutesAfter(last, 1), link: page(2, 72) }),
        pendingComment(73, 0, { date: minutesAfter(last, 2), link: page(3, 73) }),
        pendingComment(74, 37, { date: minutesAfter(last, 3), link: page(1, 74) }),
      ];
    });
    expect(hosts('card').map((card) => text(card).match(/Kommentar \d+/)?.[0])).toEqual(['Kommentar 74']);
    expect(cardOf(74)?.closest('#comment-37')).not.toBeNull();
    const summary = text(hosts('summary')[0]);
    // The article's counts, all pages: three pending.
    expect(summary).toContain('3 pending');
    expect(summary).toContain('1 of them on comment page 2');
    expect(summary).toContain('1 of them on comment page 3');
  });

  it('an article with more comments than the cache holds: the summary counts WordPress’s pings, not the page’s', async () => {
    await open('tt1-depth2', '/2026/12/paged-probe/comment-page-1/', () => [], { comments: 540, pings: 7 });
    expect(text(hosts('summary')[0])).toContain('0 pending · 0 spam · 7 pingbacks');
  });

  it('threading off: a reply is placed flat by date, saying what it answers; one dated on another page is not', async () => {
    await open('tt1-flat-newest', '/2026/12/paged-probe/', (approved) => {
      const byId = new Map(approved.map((c) => [c.id, c]));
      return [
        // newer than everything: the last page, at the end of the list
        pendingComment(80, 56, { date: minutesAfter(byId.get(59), 5) }),
        // between two comments of this page
        pendingComment(81, 55, { date: minutesAfter(byId.get(55), 1) }),
      ];
    });
    const list = document.querySelector('ol.comment-list') as Element;
    const newest = cardOf(80);
    expect(newest?.parentElement).toBe(list);
    expect(newest?.previousElementSibling?.id).toBe('comment-59');
    expect(text(newest)).toContain('In reply to \u2068Leser 56\u2069.');
    const between = cardOf(81);
    expect(between?.previousElementSibling?.id).toBe('comment-55');
    expect(between?.nextElementSibling?.id).toBe('comment-56');
  });

  it('comments newest first (comment_order desc): a new comment goes to the top of the list', async () => {
    await open('tt5-flat-newest-desc', '/2026/12/paged-probe/', (approved) => [
      pendingComment(82, 0, { date: Math.max(...approved.map((c) => c.date)) + 60_000 }),
    ]);
    const first = document.querySelector('ol.wp-block-comment-template > li');
    expect(first).toBe(cardOf(82));
  });
});
