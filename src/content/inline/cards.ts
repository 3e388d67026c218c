/**
 * The comments the theme does not show (pending, spam): where each belongs (home.ts, from how the
 * theme threads and pages its comments), and its card in that slot — made when first needed,
 * moved when its home changes (a parent the page loads later), hidden while it belongs on another
 * comment page.
 */
import type { InlineComment } from '../../shared/inline-protocol.ts';
import { type ThreadShape, threadShape } from '../detect/threading.ts';
import { currentCommentPage } from './comment-pages.ts';
import { type ElsewhereEntry, elsewhereByPage, type Home, homesOf, type PageView, type ReplyTo } from './home.ts';
import { type Host, type HostSet, isShown, showHost } from './hosts.ts';
import { afterSlot, besideSlot, type DatedItem, listSlot, pendingSlot } from './placement.ts';
import type { PageComment, PageThread } from './types.ts';

interface Placed {
  host: Host;
  /** where it was put: its home's kind and parent */
  slot: string;
  tag: 'li' | 'div';
  /** the comment it replies to (0: top level) */
  parentId: number;
  date: number;
}

/** What the cards need to know of the page around them. */
interface CardContext {
  /** the cached date of a comment the theme shows (null: not cached) */
  dateOf(comment: PageComment): number | null;
  /** the cached parent of a comment the theme shows (null: not cached) */
  parentOf(comment: PageComment): number | null;
  /** the page lists its comments newest first (`comment_order` desc) */
  newestFirst: boolean;
}

type HomeHere = Exclude<Home, { where: 'elsewhere' }>;

export interface Layout {
  /** the comments whose cards are on this page, placed */
  here: { comment: InlineComment; host: Host; replyTo: ReplyTo | null }[];
  /** what waits on other comment pages */
  elsewhere: ElsewhereEntry[];
}

function depthOf(element: Element | undefined): number | null {
  const match = /(?:^|\s)depth-(\d+)(?:\s|$)/.exec(element?.getAttribute('class') ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * The card's list item gets the depth-N class of the place it takes: themes indent replies by it
 * (Twenty Twenty-One: `.comment-list .depth-2 { padding-left: … }`), not by the list they are in.
 */
function setDepth(item: Element, depth: number | null): void {
  for (const name of [...item.classList]) if (/^depth-\d+$/.test(name)) item.classList.remove(name);
  if (depth !== null) item.classList.add(`depth-${depth}`);
}

const slotKey = (home: HomeHere) => (home.where === 'list' ? 'list' : `${home.where}:${home.parentId}`);

export class Cards {
  private readonly placed = new Map<number, Placed>();
  /** how the theme threads its comments (read again when the page adds comments) */
  private shape: ThreadShape | null = null;
  private scrolledToLink = false;

  constructor(
    private readonly doc: Document,
    private readonly thread: PageThread,
    private readonly hosts: HostSet,
  ) {}

  get pageUrl(): string {
    return this.doc.location?.href ?? '';
  }

  /** The page added comments (loaded later): how it threads them is read again. */
  pageChanged(): void {
    this.shape = null;
  }

  /**
   * Places the cards of the cached comments the theme does not show — pending ones, spam when
   * asked for, and any that already have a card (a decision keeps it in view) — and tells what
   * belongs on other comment pages.
   */
  layout(comments: readonly InlineComment[], showSpam: boolean): Layout {
    const onPage = new Set(this.thread.comments.flatMap((comment) => comment.id ?? []));
    const cached = new Map(comments.map((comment) => [comment.id, comment]));
    const visible = (comment: InlineComment) => comment.status === 'hold' || (comment.status === 'spam' && showSpam);
    const notShown = comments.filter(
      (comment) => !onPage.has(comment.id) && (visible(comment) || this.has(comment.id)),
    );
    const homes = homesOf(notShown, this.pageView(cached, onPage));
    const context = this.context(cached);
    const layout: Layout = { here: [], elsewhere: [] };
    const elsewhere = new Map<number, Home>();
    for (const comment of notShown) {
      const home = homes.get(comment.id) as Home;
      if (home.where === 'elsewhere') {
        this.hide(comment.id);
        if (visible(comment)) elsewhere.set(comment.id, home);
        continue;
      }
      const host = this.place(comment, home, context);
      if (host) layout.here.push({ comment, host, replyTo: home.where === 'under' ? null : home.replyTo });
    }
    layout.elsewhere = elsewhereByPage(elsewhere);
    return layout;
  }

  /**
   * Opened at a pending comment's permalink (…#comment-N, e.g. from the summary bar on another
   * comment page): the browser finds no such element, so its card is scrolled to instead, once,
   * while the page is new. Answers the id scrolled to.
   */
  scrollToLinked(sinceStartMs: number): number | null {
    if (this.scrolledToLink || sinceStartMs > 15_000) return null;
    const id = Number(/^#comment-(\d+)$/.exec(this.doc.location?.hash ?? '')?.[1] ?? Number.NaN);
    if (!Number.isInteger(id) || this.thread.comments.some((comment) => comment.id === id)) {
      this.scrolledToLink = true;
      return null;
    }
    const host = this.placed.get(id)?.host.host;
    if (!host || !isShown(host)) return null;
    this.scrolledToLink = true;
    host.scrollIntoView?.({ block: 'center' });
    return id;
  }

  private pageView(cached: ReadonlyMap<number, InlineComment>, onPage: ReadonlySet<number>): PageView {
    this.shape ??= threadShape(this.thread.comments, this.thread.replyForm);
    const shownLinks = [...onPage].flatMap((id) => cached.get(id)?.link || []);
    return {
      threaded: this.shape.threaded,
      atDepthLimit: this.shape.atDepthLimit,
      shown: onPage,
      currentPage: currentCommentPage(this.pageUrl, shownLinks),
      cached,
    };
  }

  private context(cached: ReadonlyMap<number, InlineComment>): CardContext {
    const dateOf = (comment: PageComment) => (comment.id === null ? null : (cached.get(comment.id)?.date ?? null));
    const topDates = this.thread.comments.filter((comment) => comment.parentId === 0).flatMap((c) => dateOf(c) ?? []);
    return {
      dateOf,
      parentOf: (comment) => (comment.id === null ? null : (cached.get(comment.id)?.parent ?? null)),
      // WordPress's comment_order "newest first": the page's first top-level comment is its newest.
      newestFirst: topDates.length > 1 && (topDates[0] as number) > (topDates.at(-1) as number),
    };
  }

  has(id: number): boolean {
    return this.placed.has(id);
  }

  /** The cards on the page, with their comment ids. */
  entries(): [number, Host][] {
    return [...this.placed].map(([id, placed]) => [id, placed.host]);
  }

  /** Hides the card of a comment that belongs on another comment page (if it has one). */
  private hide(id: number): void {
    const placed = this.placed.get(id);
    if (placed) showHost(placed.host.host, false);
  }

  /** The card of the comment in the slot its home names, made or moved there as needed. */
  private place(comment: InlineComment, home: HomeHere, context: CardContext): Host | null {
    const key = slotKey(home);
    const placed = this.placed.get(comment.id);
    if (placed?.slot === key) return placed.host;
    const slot = this.slotFor(comment, home, context);
    if (!slot) return placed?.host ?? null;
    let host = placed?.host;
    if (host && placed?.tag !== slot.tag) {
      // A list item cannot go where a block goes: a new host, the old one unmounted first.
      this.hosts.destroy(host);
      host = undefined;
    }
    host ??= this.hosts.create('card', slot.tag);
    if (slot.tag === 'li') setDepth(host.host, this.depthFor(home));
    slot.parent.insertBefore(host.host, slot.before);
    const parentId = home.where === 'list' ? 0 : home.parentId;
    this.placed.set(comment.id, { host, slot: key, tag: slot.tag, parentId, date: comment.date });
    return host;
  }

  private slotFor(comment: InlineComment, home: HomeHere, context: CardContext) {
    const { doc, thread } = this;
    const element = (id: number) => thread.comments.find((candidate) => candidate.id === id)?.element;
    switch (home.where) {
      case 'under':
        return pendingSlot(thread, home.parentId, doc);
      case 'beside': {
        const parent = element(home.parentId);
        return parent ? besideSlot(parent, this.repliesTo(home.parentId, context)) : null;
      }
      case 'afterCard': {
        const card = this.placed.get(home.parentId)?.host.host;
        return card ? afterSlot(card, this.repliesTo(home.parentId, context)) : null;
      }
      case 'list':
        return listSlot(thread, doc, comment.date, this.datedItems(context), context.newestFirst);
    }
  }

  /** The depth WordPress would print the comment at (its comment_class() depth-N), when the page says. */
  private depthFor(home: HomeHere): number | null {
    const element = (id: number) => this.thread.comments.find((comment) => comment.id === id)?.element;
    switch (home.where) {
      case 'under': {
        const parent = depthOf(element(home.parentId));
        return parent === null ? null : parent + 1;
      }
      case 'beside':
        return depthOf(element(home.parentId));
      case 'afterCard':
        return depthOf(this.placed.get(home.parentId)?.host.host);
      case 'list':
        return this.thread.comments.some((comment) => depthOf(comment.element) === 1) ? 1 : null;
    }
  }

  /** The theme's comments and our cards that follow a comment as replies printed at its level. */
  private repliesTo(parentId: number, context: CardContext): (element: Element) => boolean {
    const replies = new Set([parentId]);
    return (candidate) => {
      const comment = this.thread.comments.find((c) => c.element === candidate);
      const card = [...this.placed].find(([, placed]) => placed.host.host === candidate);
      const parent = comment ? context.parentOf(comment) : (card?.[1].parentId ?? null);
      if (parent === null || !replies.has(parent)) return false;
      const id = comment ? comment.id : (card?.[0] ?? null);
      if (id !== null) replies.add(id);
      return true;
    };
  }

  private datedItems(context: CardContext): DatedItem[] {
    const items: DatedItem[] = [];
    for (const comment of this.thread.comments) {
      const date = context.dateOf(comment);
      if (date !== null) items.push({ element: comment.element, date });
    }
    for (const placed of this.placed.values()) {
      if (placed.slot === 'list' && isShown(placed.host.host))
        items.push({ element: placed.host.host, date: placed.date });
    }
    // Document order, so "the first that comes after it" is the first in the list.
    return items.sort((a, b) => (a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1));
  }
}
