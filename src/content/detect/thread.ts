/**
 * The shared state of one detection pass: the comments found so far (as groups of elements) and
 * the lookups the later passes need (which comment owns an element).
 */
import type { CommentType } from './types.ts';

/** One comment while it is being detected: its root element plus what its parts said. */
export interface CommentGroup {
  element: Element;
  id: number | null;
  /** the parent the markup names outright (wpDiscuz ids, "in reply to" links) */
  namedParent: number | null;
  /** the comment whose element encloses this one */
  enclosing: CommentGroup | null;
  depth: number | null;
  type: CommentType | null;
  /** a second copy of an id already found: kept only so its parts merge into it */
  duplicate: boolean;
  /** inside a widget or related-posts block: not reported, nor anything inside it */
  excluded: boolean;
  parentId: number;
  author: string | null;
  pending: boolean;
}

/** A comment found earlier (e.g. by detectPage) that a later subtree may reply to. */
export interface KnownComment {
  id: number | null;
  element: Element;
}

export class Thread {
  readonly groups: CommentGroup[] = [];
  readonly byElement = new Map<Element, CommentGroup>();
  readonly byId = new Map<number, CommentGroup>();

  add(group: CommentGroup): void {
    this.groups.push(group);
    this.byElement.set(group.element, group);
    if (group.id !== null && !group.duplicate && !this.byId.has(group.id)) this.byId.set(group.id, group);
  }

  /** Forgets a group that turned out not to be a comment; its parts then belong to no comment. */
  remove(group: CommentGroup): void {
    const index = this.groups.indexOf(group);
    if (index >= 0) this.groups.splice(index, 1);
    if (this.byElement.get(group.element) === group) this.byElement.delete(group.element);
    if (group.id !== null && this.byId.get(group.id) === group) this.byId.delete(group.id);
  }

  setId(group: CommentGroup, id: number): void {
    group.id = id;
    if (this.byId.has(id) && this.byId.get(id) !== group) group.duplicate = true;
    else this.byId.set(id, group);
  }

  /** The comment an element belongs to: the nearest comment root at or above it (not a duplicate). */
  ownerOf(element: Element): CommentGroup | null {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const group = this.byElement.get(node);
      if (group) return group.duplicate ? null : group;
    }
    return null;
  }

  /** The comments to report: in document order, without duplicate copies. */
  reported(): CommentGroup[] {
    return this.groups.filter((group) => !group.duplicate);
  }
}

/** The nearest element holding both, so later passes query only the thread and not the whole page. */
export function commonAncestor(first: Element, last: Element): Element | null {
  if (first === last) return first;
  const above = new Set<Element>();
  for (let node: Element | null = first; node; node = node.parentElement) above.add(node);
  for (let node: Element | null = last; node; node = node.parentElement) if (above.has(node)) return node;
  // Top-level nodes of a fragment share no element.
  return null;
}
