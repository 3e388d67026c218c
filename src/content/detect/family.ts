/**
 * One family of themes or comment plugins, described as data: which elements hold its comments,
 * where it prints the author and the moderation note, its comment section and form. The generic
 * walker (walker.ts) reads the union of all families, so a family only adds what is its own.
 *
 * Selectors come as lists of simple selectors, each queried on its own: Chromium answers a single
 * class or id at once but walks the whole page for every entry of a selector list, which on a
 * 1,000-comment page costs milliseconds per entry.
 */

export interface IdFromAttribute {
  id: number;
  /** where the markup names the parent (wpDiscuz: wpd-comm-ID_PARENT) */
  parentId?: number;
}

export interface CommentFamily {
  readonly name: string;
  /** classes carried by a comment's root or one of its parts (comment_class() prints them) */
  readonly candidates?: readonly string[];
  /** where no element carries those classes: the comments' ids, as attribute selectors (slower) */
  readonly idCandidates?: readonly string[];
  /** reads the comment id from an element's id attribute */
  readonly idFromAttribute?: (id: string) => IdFromAttribute | null;
  /** class prefix whose number is the comment's nesting depth (comment_class() prints depth-N) */
  readonly depthClass?: string;
  /** elements inside a comment whose link names its parent (href ending in #comment-N) */
  readonly parentLinks?: readonly string[];
  /** elements that hold the author's name alone, read whole, best first */
  readonly authors?: readonly string[];
  /**
   * containers that may print more beside the name ("says:", the date, Edit/Reply links), read without
   * those parts and tried after every family's authors
   */
  readonly authorFallbacks?: readonly string[];
  /** awaiting-moderation notes (or classes on the comment itself) */
  readonly pendingNotes?: readonly string[];
  /** the comment section this family prints into the page */
  readonly sections?: readonly string[];
  /** third-party embeds: the thread is not in the page */
  readonly embeds?: readonly string[];
  /** comment forms (or an element inside one), best first */
  readonly replyForms?: readonly string[];
  /** areas that list or link to comments but are never the thread (widgets, related posts) */
  readonly notThread?: readonly string[];
  /** the element showing the post, when the theme prints no #post-N */
  readonly articles?: readonly string[];
}
