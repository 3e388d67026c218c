/**
 * The inline view outside the extension, for bench/content-inline.ts: the real detector and view,
 * with the background replaced by an answer from memory (what inlineState would return).
 */
import { detectPage, findComments } from '../../src/content/detect/index.ts';
import type { InlineApi } from '../../src/content/inline/api.ts';
import { InlineView } from '../../src/content/inline/view.ts';
import type { InlineComment, InlineState } from '../../src/shared/inline-protocol.ts';

export interface LoadFigures {
  /** detectPage: the content script's synchronous work at load */
  detectMs: number;
  /** the view's synchronous start (summary bar, observers), before the state arrives */
  mountMs: number;
  /** from the state's arrival to every card and the visible toolbars rendered */
  renderMs: number;
  comments: number;
  cards: number;
  toolbars: number;
}

export async function load(pending: number): Promise<LoadFigures> {
  const t0 = performance.now();
  const page = detectPage(document, new URL(location.href));
  const t1 = performance.now();
  const top = page.comments.filter((comment) => comment.parentId === 0 && comment.id !== null);
  const cached: InlineComment[] = Array.from({ length: pending }, (_, index) => ({
    id: 900_000 + index,
    parent: top[(index * 7) % Math.max(1, top.length)]?.id ?? 0,
    type: 'comment',
    status: 'hold',
    authorName: `Wartende ${index}`,
    authorUrl: '',
    date: Date.UTC(2026, 10, 29, 8, index % 60),
    link: `${location.origin}${location.pathname}#comment-${900_000 + index}`,
    contentHtml: `<p>Noch nicht freigegeben, Nummer ${index}, mit <a href="https://example.org/${index}">Link</a>.</p>`,
    contentRaw: null,
    decision: null,
    drafts: {},
  }));
  const state: InlineState = {
    siteName: 'Bench',
    adminUrl: 'https://blog.example/wp-admin/',
    canModerate: true,
    postId: page.postId ?? 4,
    comments: cached,
    approvedTotals: null,
    undoWindowMs: 5000,
  };
  let arrived = 0;
  const api: InlineApi = {
    state: async () => {
      arrived = performance.now();
      return state;
    },
    decide: async () => ({ outboxIds: [] }),
    undo: async () => ({ result: 'cancelled' }),
    saveDraft: async () => ({ saved: true }),
    commenterDetails: async () => ({ email: null, ip: null, url: '' }),
    openHistory: async () => ({ opened: true }),
  };
  const controller = new AbortController();
  const view: InlineView = new InlineView({
    doc: document,
    thread: { ...page, comments: [...page.comments] },
    api,
    signal: controller.signal,
    findComments: (root) => findComments(root, { known: view.pageComments }),
  });
  const t2 = performance.now();
  const started = view.start();
  const t3 = performance.now();
  await started;
  const t4 = performance.now();
  // Toolbars mount as the IntersectionObserver reports what is near the viewport.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  return {
    detectMs: t1 - t0,
    mountMs: t3 - t2,
    renderMs: t4 - arrived,
    comments: page.comments.length,
    cards: document.querySelectorAll('[data-freigabe-host="card"]').length,
    toolbars: document.querySelectorAll('[data-freigabe-host="toolbar"]').length,
  };
}
