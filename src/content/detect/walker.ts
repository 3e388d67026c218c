/**
 * Finds the comment roots in a subtree, in document order, and merges the parts one comment prints
 * (li#comment-N > article#div-comment-N, Twenty Ten's li#li-comment-N > div#comment-N, Twenty
 * Twelve's three elements with class "comment", comment_class() on an inner element, the same id
 * printed twice) into one group.
 *
 * Candidates come from one query per comment_class() class (comment, pingback, trackback…), merged
 * in document order; only where none exists are ids searched (slower). A stack of open roots gives
 * each new root the comment that encloses it, so nesting costs no closest() chain per comment.
 */
import type { Profile } from './profile.ts';
import { type CommentGroup, Thread } from './thread.ts';
import type { CommentType } from './types.ts';

/** Elements a comment's root can be; spans, anchors and form fields with comment classes are not. */
const rootTags = new Set(['LI', 'DIV', 'ARTICLE', 'SECTION', 'ASIDE', 'DD']);
// Node.DOCUMENT_POSITION_FOLLOWING
const following = 4;

const pingClass = /(?:^|\s)(pingback|trackback)(?:\s|$)/;
const commentClass = /(?:^|\s)comment(?:\s|$)/;

/** The type comment_class() printed, from the class attribute (read once per element: cheaper than classList). */
export function typeFromClasses(classes: string): CommentType | null {
  const ping = pingClass.exec(classes);
  if (ping) return ping[1] as CommentType;
  return commentClass.test(classes) ? 'comment' : null;
}

export function depthFromClasses(classes: string, pattern: RegExp | null): number | null {
  const match = pattern?.exec(classes);
  return match ? Number(match[1]) : null;
}

export function isList(element: Element): boolean {
  return element.tagName === 'UL' || element.tagName === 'OL' || element.classList.contains('children');
}

export function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & following) !== 0;

/**
 * Two lists in document order → one, each element once. The shorter list (pings, plugin classes) is
 * placed into the longer one by binary search: compareDocumentPosition is not free.
 */
function mergeOrdered(a: Element[], b: Element[]): Element[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const merged: Element[] = [];
  let from = 0;
  for (const element of short) {
    let low = from;
    let high = long.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before(long[middle] as Element, element)) low = middle + 1;
      else high = middle;
    }
    for (let i = from; i < low; i++) merged.push(long[i] as Element);
    from = low;
    if (long[from] === element) from++;
    merged.push(element);
  }
  for (let i = from; i < long.length; i++) merged.push(long[i] as Element);
  return merged;
}

function query(root: ParentNode, selectors: readonly string[]): Element[] {
  let found: Element[] = [];
  for (const selector of selectors) {
    const matches = [...root.querySelectorAll(selector)];
    if (isElement(root) && root.matches(selector)) matches.unshift(root);
    found = mergeOrdered(found, matches);
  }
  return found;
}

/** Whether `inner` is a separate (reply) comment inside `outer` rather than a part of it. */
function separated(outer: CommentGroup, inner: Element, innerDepth: number | null): boolean {
  if (innerDepth !== null && outer.depth !== null && innerDepth !== outer.depth) return true;
  for (let node = inner.parentElement; node && node !== outer.element; node = node.parentElement) {
    if (isList(node)) return true;
  }
  return false;
}

/**
 * comment_class() on an inner element (OceanWP: li#comment-N > article.comment): the root is the
 * nearest ancestor, below any list and below the enclosing comment, whose id names the comment.
 */
function rootAbove(
  element: Element,
  enclosing: Element | null,
  profile: Profile,
): { element: Element; id: number } | null {
  let node = element.parentElement;
  for (let steps = 0; node && node !== enclosing && steps < 3 && !isList(node); steps++, node = node.parentElement) {
    const named = node.id ? profile.idFromAttribute(node.id) : null;
    if (named) return { element: node, id: named.id };
  }
  return null;
}

/** Widgets and related-post blocks never hold the thread, unless they hold the comment section itself. */
function makeExclusion(profile: Profile): (element: Element) => boolean {
  const byParent = new Map<Element | null, boolean>();
  return (element) => {
    const parent = element.parentElement;
    let excluded = byParent.get(parent);
    if (excluded === undefined) {
      const zone = profile.notThread ? element.closest(profile.notThread) : null;
      excluded = zone !== null && zone.querySelector('#comments, #respond') === null;
      byParent.set(parent, excluded);
    }
    return excluded;
  };
}

function newGroup(element: Element, id: number | null, top: CommentGroup | undefined): CommentGroup {
  return {
    element,
    id,
    namedParent: null,
    enclosing: top ?? null,
    depth: null,
    type: null,
    duplicate: false,
    excluded: false,
    parentId: 0,
    author: null,
    pending: false,
  };
}

function walk(candidates: Element[], profile: Profile): Thread {
  const thread = new Thread();
  const excluded = makeExclusion(profile);
  const open: CommentGroup[] = [];
  for (const element of candidates) {
    if (!rootTags.has(element.tagName)) continue;
    let top = open.at(-1);
    while (top && !top.element.contains(element)) {
      open.pop();
      top = open.at(-1);
    }
    if (top?.excluded) continue;
    const named = element.id ? profile.idFromAttribute(element.id) : null;
    const classes = element.getAttribute('class') ?? '';
    const type = typeFromClasses(classes);
    const depth = depthFromClasses(classes, profile.depthPattern);
    if (!named && !type && depth === null) continue;

    if (top && isPartOf(top, element, named?.id ?? null, depth)) {
      if (named && top.id === null) thread.setId(top, named.id);
      if (named?.parentId !== undefined && top.namedParent === null) top.namedParent = named.parentId;
      if (type === 'pingback' || type === 'trackback' || top.type === null) top.type = type ?? top.type;
      top.depth ??= depth;
      continue;
    }
    const above = named ? null : rootAbove(element, top?.element ?? null, profile);
    // A root of its own needs an id, a depth class (comment_class() prints one) or a ping class:
    // a bare class="comment" is too common to claim (code highlighting, page builders).
    if (!named && !above && depth === null && (type === 'comment' || type === null)) continue;
    const group = newGroup(above?.element ?? element, named?.id ?? above?.id ?? null, top);
    group.namedParent = named?.parentId ?? null;
    group.type = type;
    group.depth = depth;
    group.excluded = !top && excluded(group.element);
    group.duplicate = group.id !== null && thread.byId.has(group.id);
    if (!group.excluded) thread.add(group);
    open.push(group);
  }
  return thread;
}

function isPartOf(top: CommentGroup, element: Element, id: number | null, depth: number | null): boolean {
  if (id !== null && top.id !== null) return id === top.id;
  return !separated(top, element, depth);
}

export function collectGroups(root: ParentNode, profile: Profile): Thread {
  const thread = walk(query(root, profile.candidates), profile);
  if (thread.groups.length > 0 || profile.idCandidates.length === 0) return thread;
  // Themes that print no comment_class() at all: look for the ids themselves.
  return walk(query(root, profile.idCandidates), profile);
}
