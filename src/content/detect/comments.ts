/**
 * The comments in a document or in a subtree added later: roots (walker.ts), then parents, authors
 * and pending notes, each in one pass over the thread.
 */
import { assignAuthors } from './author.ts';
import { type Outside, outsideOf, resolveParents } from './parents.ts';
import { markPending } from './pending.ts';
import { profile as allFamilies, type Profile } from './profile.ts';
import { type CommentGroup, commonAncestor, type KnownComment, type Thread } from './thread.ts';
import type { DetectedComment } from './types.ts';
import { collectGroups, isElement } from './walker.ts';

export interface FindCommentsOptions {
  /** the page's URL: WordPress's ?unapproved=N after posting marks that comment as pending */
  url?: URL | null;
  /**
   * comments found earlier on the page (detectPage's): a reply added inside one of them, or a
   * "children" list added after one, gets it as its parent
   */
  known?: readonly KnownComment[];
}

/** For pings, the linked title when the theme prints no author element (core's ping(): "Pingback: <a>"). */
function pingTitle(group: CommentGroup, thread: Thread): string {
  for (const link of group.element.querySelectorAll('a[href]')) {
    const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && thread.ownerOf(link) === group) return text;
  }
  return '';
}

/**
 * A root printed without an id (comment_class() on an outer element the theme added): the id is on
 * one of its parts (wpDiscuz's div#comment-N) or in its reply link (?replytocom=N, data-commentid).
 */
function idFromParts(group: CommentGroup, thread: Thread, profile: Profile): number | null {
  for (const part of group.element.querySelectorAll('[id]')) {
    const named = profile.idFromAttribute(part.id);
    if (named && thread.ownerOf(part) === group) return named.id;
  }
  for (const link of group.element.querySelectorAll('a[data-commentid], a[href*="replytocom="]')) {
    if (thread.ownerOf(link) !== group) continue;
    const value =
      link.getAttribute('data-commentid') ?? /[?&]replytocom=(\d+)/.exec(link.getAttribute('href') ?? '')?.[1];
    if (value && /^\d+$/.test(value)) return Number(value);
  }
  return null;
}

const isComment = (group: CommentGroup) => group.type === null || group.type === 'comment';

/** comment_form()'s hidden field: the page has WordPress's own comment form. */
function hasCommentForm(root: ParentNode): boolean {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  return typeof doc.getElementById === 'function' && doc.getElementById('comment_post_ID') !== null;
}

/**
 * Comment-like markup with no WordPress comment id anywhere (no comment-N, no reply link naming it) is
 * another system's: a forum's replies printed with comment_class()'s classes (WP Discourse), a Q&A
 * widget. It is not claimed beside comments that have ids, nor on a page without WordPress's comment
 * form; comments found earlier on the page count for a subtree added later (WP Discourse can load its
 * replies after the page). A theme that prints no ids at all, with WordPress's form on the page, keeps
 * its comments; pings printed without an id, as Twenty Ten does, are always kept.
 */
function dropForeign(thread: Thread, root: ParentNode, outside: Outside | null): void {
  const idless = thread.groups.filter((group) => group.id === null && !group.duplicate && isComment(group));
  if (idless.length === 0) return;
  const withId =
    thread.groups.some((group) => group.id !== null && !group.duplicate && isComment(group)) ||
    (outside !== null && [...outside.byElement.values()].some((id) => id !== null));
  if (!withId && hasCommentForm(root)) return;
  for (const group of idless) thread.remove(group);
}

export function detectComments(
  root: ParentNode,
  options: { url: URL | null; outside: Outside | null },
  profile: Profile = allFamilies,
): DetectedComment[] {
  const thread = collectGroups(root, profile);
  for (const group of thread.reported()) {
    if (group.id === null) {
      const id = idFromParts(group, thread, profile);
      if (id !== null) thread.setId(group, id);
    }
  }
  dropForeign(thread, root, options.outside);
  const groups = thread.reported();
  const firstGroup = groups[0];
  const lastGroup = groups.at(-1);
  if (!firstGroup || !lastGroup) return [];
  const scope = commonAncestor(firstGroup.element, lastGroup.element) ?? root;
  resolveParents(scope, thread, profile, options.outside);
  assignAuthors(scope, thread, profile.authors);
  markPending(scope, thread, profile.pendingNotes, options.url);
  const comments: DetectedComment[] = [];
  for (const group of thread.groups) {
    if (group.duplicate) continue;
    const type = group.type ?? 'comment';
    const author = group.author ?? (type === 'comment' ? '' : pingTitle(group, thread));
    comments.push({
      id: group.id,
      parentId: group.parentId,
      type,
      author,
      pending: group.pending,
      element: group.element,
    });
  }
  return comments;
}

/**
 * The comments inside a subtree added to the page after detectPage ran (pagination, "load more",
 * wpDiscuz's lazy threads), for a MutationObserver that looks only at added nodes:
 *
 *   for (const node of record.addedNodes) if (node instanceof Element) found.push(...findComments(node, { url, known }));
 *
 * `root` itself counts when it is a comment. Same shape and order as detectPage's comments; pass
 * the comments found so far as `known` so replies added under an existing comment get it as parent.
 * Ancestors outside `root` are not searched for new comments.
 */
export function findComments(root: ParentNode, options: FindCommentsOptions = {}): DetectedComment[] {
  const known = options.known ?? [];
  const anchor = isElement(root) ? root : ((root as Document).documentElement ?? null);
  const outside = known.length > 0 && anchor ? outsideOf(known, anchor, allFamilies.depthPattern) : null;
  return detectComments(root, { url: options.url ?? null, outside });
}
