/**
 * One family of themes or comment plugins, described as data: which elements hold its comments,
 * where it prints the author and the moderation note, its comment section and form. The generic
 * walker (comments.ts) reads the union of all families, so a family only adds what is its own.
 */

export interface IdFromAttribute {
  id: number;
  /** where the markup names the parent (wpDiscuz: wpd-comm-ID_PARENT) */
  parentId?: number;
}

export interface CommentFamily {
  readonly name: string;
  /** elements that are a comment's root or part of one; parts are merged by id and nesting */
  readonly candidates?: string;
  /** reads the comment id from an element's id attribute */
  readonly idFromAttribute?: (id: string) => IdFromAttribute | null;
  /** class prefix whose number is the comment's nesting depth (comment_class() prints depth-N) */
  readonly depthClass?: string;
  /** links inside a comment that name its parent (href ending in #comment-N) */
  readonly parentLinks?: string;
  /** elements holding the author's name, best first */
  readonly authors?: readonly string[];
  /** awaiting-moderation notes (or classes on the comment itself) */
  readonly pendingNotes?: string;
  /** the comment section this family prints into the page */
  readonly sections?: string;
  /** third-party embeds: the thread is not in the page */
  readonly embeds?: string;
  /** comment forms (or an element inside one), best first */
  readonly replyForms?: readonly string[];
  /** areas that list or link to comments but are never the thread (widgets, related posts) */
  readonly notThread?: string;
  /** the element showing the post, when the theme prints no #post-N */
  readonly articles?: readonly string[];
}
