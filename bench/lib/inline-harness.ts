/**
 * The inline view outside the extension, for bench/content-inline.ts: the real detector and view,
 * with the background replaced by an answer from memory (what inlineState would return), sent in
 * a task of its own as a runtime message's answer arrives. Each phase is a performance measure
 * named `freigabe:<phase>` (detectPage, view start, render, card slice), so the bench can tell
 * which of them a long task belongs to.
 */
import { detectPage, findComments } from '../../src/content/detect/index.ts';
import type { InlineApi } from '../../src/content/inline/api.ts';
import { mountOf } from '../../src/content/inline/hosts.ts';
import { browserIdle, type RequestIdle } from '../../src/content/inline/idle-chunks.ts';
import { InlineView } from '../../src/content/inline/view.ts';
import type { InlineComment, InlineState } from '../../src/shared/inline-protocol.ts';

export interface LoadFigures {
  /** detectPage: the content script's synchronous work at load */
  detectMs: number;
  /** the view's synchronous start (summary bar, observers), before the state arrives */
  mountMs: number;
  /** from the state's arrival to the end of its task (the part of the render that runs at once) */
  renderMs: number;
  /** from the state's arrival to every card rendered (the rest in idle slices) */
  allCardsMs: number;
  /** the numbers in the cards' texts in document order (NaN: a card without its content) */
  cardOrder: number[];
  comments: number;
  cards: number;
  toolbars: number;
}

/** A phase as a performance measure the bench attributes long tasks to. */
function measured<T>(phase: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(`freigabe:${phase}`, { start, end: performance.now() });
  }
}

/** The browser's idle slices, each measured. */
const idle: RequestIdle = (slice) => browserIdle(window)((deadline) => measured('card slice', () => slice(deadline)));

const cardHosts = () => [...document.querySelectorAll('[data-freigabe-host="card"]')];

export async function load(pending: number): Promise<LoadFigures> {
  const t0 = performance.now();
  const page = measured('detectPage', () => detectPage(document, new URL(location.href)));
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
  let answered = 0;
  const api: InlineApi = {
    // Answered in a task of its own, as the background's reply arrives; what renders at once is measured.
    state: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          arrived = performance.now();
          resolve(state);
          // Queued after the view's own reaction to the answer: it runs once the view rendered.
          queueMicrotask(() => {
            answered = performance.now();
            performance.measure('freigabe:render', { start: arrived, end: answered });
          });
        }, 0),
      ),
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
    idle,
  });
  const t2 = performance.now();
  const started = measured('view start', () => view.start());
  const t3 = performance.now();
  await started;
  const rendered = () => cardHosts().every((host) => (mountOf(host)?.childElementCount ?? 0) > 0);
  while (!rendered()) await new Promise((resolve) => requestAnimationFrame(resolve));
  const allCards = performance.now();
  // Toolbars mount as the IntersectionObserver reports what is near the viewport.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  return {
    detectMs: t1 - t0,
    mountMs: t3 - t2,
    renderMs: answered - arrived,
    allCardsMs: allCards - arrived,
    cardOrder: cardHosts().map((host) =>
      Number(
        mountOf(host)
          ?.querySelector('.content')
          ?.textContent?.match(/Nummer (\d+)/)?.[1],
      ),
    ),
    comments: page.comments.length,
    cards: cardHosts().length,
    toolbars: document.querySelectorAll('[data-freigabe-host="toolbar"]').length,
  };
}
