/**
 * Where Freigabe's pieces go in the theme's thread: a toolbar inside each comment (after its body,
 * before its replies), a pending comment under its parent (in the parent's reply list, made when
 * missing), beside a parent at the depth limit, after a pending parent's card, or in the top-level
 * list at its date; the summary bar above the thread. Which of these a comment gets: home.ts.
 */
import type { PageThread } from './types.ts';

export interface Slot {
  parent: Element;
  before: Node | null;
}

const replyList = 'ol, ul, .children, .comment-children';

/** The comment's own list of replies (a direct child), if it has one. */
function repliesOf(element: Element): Element | null {
  for (const child of element.children) if (child.matches(replyList)) return child;
  return null;
}

const replyLinks = '.comment-reply-link, .wp-block-comment-reply-link';

/**
 * Right after the comment's own "Reply" link where it has one (so the toolbar lines up with the
 * comment's text in themes that indent it beside an avatar), else after the comment's body and
 * before its replies.
 */
export function toolbarSlot(element: Element): Slot {
  const replies = repliesOf(element);
  for (const link of element.querySelectorAll(replyLinks)) {
    if (replies?.contains(link)) break;
    // The link's own block (div.reply, a paragraph, the reply-link block), never a nested reply's.
    let block: Element = link;
    while (block.parentElement && block.parentElement !== element && isInline(block)) block = block.parentElement;
    if (block.parentElement) return { parent: block.parentElement, before: block.nextSibling };
  }
  if (replies) return { parent: element, before: replies };
  return { parent: element, before: null };
}

/** Inline elements (the link itself, a span around it) are climbed until a block holds them. */
function isInline(element: Element): boolean {
  return /^(a|span|small|em|strong|b|i)$/.test(element.localName);
}

/** The reply form's whole block ("Leave a comment" heading included), not the form alone. */
export function formBlock(thread: PageThread): Element | null {
  const form = thread.replyForm;
  return form?.closest('#respond, .comment-respond, .wp-block-post-comments-form') ?? form;
}

/** The list that holds the top-level comments (or the comment area when there is none yet). */
export function threadList(thread: PageThread): Element | null {
  const top = thread.comments.find((comment) => comment.parentId === 0) ?? thread.comments[0];
  if (top?.element.parentElement) return top.element.parentElement;
  return formBlock(thread)?.parentElement ?? thread.article;
}

export interface PendingSlot extends Slot {
  /** the element to wrap the card in, so the theme's list styles (indentation) apply */
  tag: 'li' | 'div';
}

function wrapperFor(list: Element): 'li' | 'div' {
  const name = list.localName;
  return name === 'ol' || name === 'ul' ? 'li' : 'div';
}

export function pendingSlot(thread: PageThread, parentId: number, doc: Document): PendingSlot | null {
  if (parentId !== 0) {
    const parent = thread.comments.find((comment) => comment.id === parentId);
    if (parent) {
      let replies = repliesOf(parent.element);
      if (!replies) {
        // The theme prints replies in a list of this class (core walker and most themes).
        replies = doc.createElement('ol');
        replies.className = 'children';
        parent.element.append(replies);
      }
      return { parent: replies, before: null, tag: wrapperFor(replies) };
    }
  }
  const list = threadList(thread);
  if (!list) return null;
  const form = formBlock(thread);
  if (form && list === form.parentElement) return { parent: list, before: form, tag: 'div' };
  return { parent: list, before: null, tag: wrapperFor(list) };
}

/** Above the first comment's list, else before the reply form. */
export function summarySlot(thread: PageThread): Slot | null {
  const list = thread.comments.length > 0 ? threadList(thread) : null;
  if (list?.parentElement) return { parent: list.parentElement, before: list };
  const form = formBlock(thread);
  if (form?.parentElement) return { parent: form.parentElement, before: form };
  if (thread.article) return { parent: thread.article, before: null };
  return null;
}

/** An item of the top-level list with its date (a theme's comment, or one of our cards). */
export interface DatedItem {
  element: Element;
  date: number;
}

/**
 * In the top-level list at its place by date, as WordPress orders a page (`comment_order`: oldest
 * or newest first): before the first item that comes after it, else where a new comment goes.
 */
export function listSlot(
  thread: PageThread,
  doc: Document,
  date: number,
  items: readonly DatedItem[],
  newestFirst: boolean,
): PendingSlot | null {
  const slot = pendingSlot(thread, 0, doc);
  if (!slot) return null;
  const next = items.find(
    (item) => item.element.parentElement === slot.parent && (newestFirst ? item.date < date : item.date > date),
  );
  return next ? { ...slot, before: next.element } : slot;
}

/**
 * Beside a comment at the depth limit, where WordPress prints replies to it: as the items right
 * after it, in its list (the classic walker does so; the block comment template writes an <li>
 * into the <li>, which the browser's HTML parser closes first: the same). After the replies
 * already there (`follows`).
 */
export function besideSlot(parent: Element, follows: (element: Element) => boolean): PendingSlot | null {
  const list = parent.parentElement;
  if (!list) return null;
  let last = parent;
  while (last.nextElementSibling && follows(last.nextElementSibling)) last = last.nextElementSibling;
  return { parent: list, before: last.nextSibling, tag: wrapperFor(list) };
}

/** Right after a card (and the cards already following it). */
export function afterSlot(card: Element, follows: (element: Element) => boolean): PendingSlot | null {
  const list = card.parentElement;
  if (!list) return null;
  let last = card;
  while (last.nextElementSibling && follows(last.nextElementSibling)) last = last.nextElementSibling;
  return { parent: list, before: last.nextSibling, tag: card.localName === 'li' ? 'li' : 'div' };
}
