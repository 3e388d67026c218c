/**
 * Finds the comment roots in a subtree with one querySelectorAll, in document order, and merges the
 * parts one comment prints (li#comment-N > article#div-comment-N, Twenty Ten's li#li-comment-N >
 * div#comment-N, comment_class() on an inner element, the same id printed twice) into one group.
 *
 * A stack of open roots gives each new root the comment that encloses it, so nesting costs no
 * closest() chain per comment.
 */
import type { Profile } from './profile.ts';
import { type CommentGroup, Thread } from './thread.ts';
import type { CommentType } from './types.ts';

/** Elements a comment's root can be; anchors, spans and form fields that carry comment ids are not. */
const rootTags = new Set(['LI', 'DIV', 'ARTICLE', 'SECTION', 'ASIDE', 'DD']);

export function typeFromClasses(element: Element): CommentType | null {
  const classes = element.classList;
  if (classes.contains('pingback')) return 'pingback';
  if (classes.contains('trackback')) return 'trackback';
  if (classes.contains('comment')) return 'comment';
  return null;
}

export function depthFromClasses(element: Element, prefixes: readonly string[]): number | null {
  for (const name of element.classList) {
    for (const prefix of prefixes) {
      if (name.startsWith(prefix)) {
        const depth = Number(name.slice(prefix.length));
        if (Number.isInteger(depth) && depth > 0) return depth;
      }
    }
  }
  return null;
}

export function isList(element: Element): boolean {
  return element.tagName === 'UL' || element.tagName === 'OL' || element.classList.contains('children');
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
 * Elements inside areas that are never the thread (widgets, related posts), unless the area holds
 * the comment section itself (page builders that wrap everything in a "widget").
 */
function excludedElements(root: ParentNode, profile: Profile): Set<Element> {
  const excluded = new Set<Element>();
  if (!profile.notThread) return excluded;
  for (const zone of root.querySelectorAll(profile.notThread)) {
    if (zone.querySelector('#comments, #respond')) continue;
    for (const element of zone.querySelectorAll(profile.candidates)) excluded.add(element);
  }
  return excluded;
}

function candidatesIn(root: ParentNode, profile: Profile): Element[] {
  const found = [...root.querySelectorAll(profile.candidates)];
  if (isElement(root) && root.matches(profile.candidates)) found.unshift(root);
  return found;
}

export function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

export function collectGroups(root: ParentNode, profile: Profile): Thread {
  const thread = new Thread();
  const excluded = excludedElements(root, profile);
  const open: CommentGroup[] = [];
  for (const element of candidatesIn(root, profile)) {
    if (!rootTags.has(element.tagName) || excluded.has(element)) continue;
    const named = element.id ? profile.idFromAttribute(element.id) : null;
    const type = typeFromClasses(element);
    if (!named && !type) continue;
    const depth = depthFromClasses(element, profile.depthClasses);

    let top = open.at(-1);
    while (top && !top.element.contains(element)) {
      open.pop();
      top = open.at(-1);
    }
    if (top && isPartOf(top, element, named?.id ?? null, depth)) {
      if (named && top.id === null) thread.setId(top, named.id);
      if (named?.parentId !== undefined && top.namedParent === null) top.namedParent = named.parentId;
      if (type === 'pingback' || type === 'trackback' || top.type === null) top.type = type ?? top.type;
      top.depth ??= depth;
      continue;
    }
    // A root of its own needs an id, a depth class (comment_class() prints one) or a ping class:
    // a bare class="comment" is too common to claim (code highlighting, page builders).
    if (!named && depth === null && (type === 'comment' || type === null)) continue;
    const group: CommentGroup = {
      element,
      id: named?.id ?? null,
      namedParent: named?.parentId ?? null,
      enclosing: top ?? null,
      depth,
      type,
      duplicate: named ? thread.byId.has(named.id) : false,
      parentId: 0,
      author: null,
      pending: false,
    };
    thread.add(group);
    open.push(group);
  }
  return thread;
}

function isPartOf(top: CommentGroup, element: Element, id: number | null, depth: number | null): boolean {
  if (id !== null && top.id !== null) return id === top.id;
  return !separated(top, element, depth);
}
