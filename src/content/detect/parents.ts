/**
 * Each comment's parent, from the strongest signal the page gives:
 *  1. the markup names it (wpDiscuz's wpd-comm-ID_PARENT, its "reply to #comment-N" link);
 *  2. nesting: the comment whose root encloses this one (.children lists, a plain <ol>, bare divs);
 *  3. a comment found earlier that encloses this subtree (content loaded later);
 *  4. a "children" list placed as a sibling right after its parent (themes whose callback closes
 *     the <li> itself);
 *  5. comment_class()'s depth-N: the last comment before it one level up (flattened threads);
 *  otherwise 0, top level.
 */
import type { Profile } from './profile.ts';
import type { Thread } from './thread.ts';
import { depthFromClasses, isList } from './walker.ts';

export interface Outside {
  /** comments found earlier, by element */
  byElement: ReadonlyMap<Element, number | null>;
  /** the last id seen at each depth before the subtree, for rule 5 */
  lastAtDepth: Map<number, number | null>;
}

const commentHref = /#comment-(\d+)$/;

function linkedParents(scope: ParentNode, thread: Thread, containers: readonly string[]): void {
  for (const selector of containers) {
    for (const container of scope.querySelectorAll(selector)) {
      const match = commentHref.exec(container.querySelector('a[href]')?.getAttribute('href') ?? '');
      const owner = thread.ownerOf(container);
      if (match && owner && owner.namedParent === null) owner.namedParent = Number(match[1]);
    }
  }
}

function idAt(element: Element, thread: Thread, outside: Outside | null): number | null | undefined {
  const group = thread.byElement.get(element);
  if (group && !group.duplicate) return group.id;
  return outside?.byElement.get(element);
}

function enclosingOutside(element: Element, outside: Outside | null): number | null | undefined {
  if (!outside || outside.byElement.size === 0) return undefined;
  for (let node = element.parentElement; node; node = node.parentElement) {
    const id = outside.byElement.get(node);
    if (id !== undefined) return id;
  }
  return undefined;
}

function siblingListParent(element: Element, thread: Thread, outside: Outside | null): number | null | undefined {
  let node = element.parentElement;
  for (let steps = 0; node && steps < 3; steps++, node = node.parentElement) {
    if (!isList(node)) continue;
    const nested = node.classList.contains('children') || (node.parentElement !== null && isList(node.parentElement));
    const previous = node.previousElementSibling;
    return nested && previous ? idAt(previous, thread, outside) : undefined;
  }
  return undefined;
}

export function resolveParents(scope: ParentNode, thread: Thread, profile: Profile, outside: Outside | null): void {
  linkedParents(scope, thread, profile.parentLinks);
  const lastAtDepth = outside?.lastAtDepth ?? new Map<number, number | null>();
  for (const group of thread.groups) {
    if (group.duplicate) continue;
    let parent: number | null | undefined;
    if (group.namedParent !== null) parent = group.namedParent;
    else if (group.enclosing) parent = group.enclosing.id;
    else {
      parent = enclosingOutside(group.element, outside) ?? siblingListParent(group.element, thread, outside);
      if (parent === undefined && group.depth !== null && group.depth > 1) parent = lastAtDepth.get(group.depth - 1);
    }
    group.parentId = parent ?? 0;
    if (group.depth !== null) lastAtDepth.set(group.depth, group.id);
  }
}

/** What a subtree added later needs to know about the comments already on the page. */
export function outsideOf(
  known: readonly { id: number | null; element: Element }[],
  subtree: Node,
  depthPattern: RegExp | null,
): Outside {
  const byElement = new Map<Element, number | null>();
  const lastAtDepth = new Map<number, number | null>();
  for (const comment of known) {
    byElement.set(comment.element, comment.id);
    // Node.DOCUMENT_POSITION_FOLLOWING: the subtree comes after this comment.
    if (comment.element.compareDocumentPosition(subtree) & 4) {
      const depth = depthFromClasses(comment.element.getAttribute('class') ?? '', depthPattern);
      if (depth !== null) lastAtDepth.set(depth, comment.id);
    }
  }
  return { byElement, lastAtDepth };
}
