/**
 * How WordPress threads this page's comments, read from what it printed (the settings are not in
 * REST): with "threaded comments" on, every comment below the depth limit carries a Reply link
 * (`comment_reply_link()` prints nothing at `thread_comments_depth` and beyond, and nothing at
 * all when threading is off); with it off, every comment is printed flat at `depth-1`.
 */

/** What this needs of a detected comment (DetectedComment, and the inline view's PageComment). */
export interface ThreadedComment {
  id: number | null;
  parentId: number;
  type: string;
  /** the commenter's own view of a held comment: printed without a Reply link */
  pending: boolean;
  element: Element;
}

export interface ThreadShape {
  /** false where WordPress's "threaded comments" are off: replies are printed flat, in date order */
  threaded: boolean;
  /**
   * comments printed without a Reply link where others have one: at the depth limit, so WordPress
   * shows a reply to them beside them (at their level), not nested under them
   */
  atDepthLimit: ReadonlySet<number>;
}

const replyLinks = '.comment-reply-link, .comment-reply-login';

function ownReplyLink(comment: ThreadedComment, roots: ReadonlySet<Element>): boolean {
  for (const link of comment.element.querySelectorAll(replyLinks)) {
    // The nearest comment around the link is this one, not a reply nested in it.
    let owner: Element | null = link.parentElement;
    while (owner && !roots.has(owner)) owner = owner.parentElement;
    if (owner === comment.element) return true;
  }
  return false;
}

export function threadShape(comments: readonly ThreadedComment[], replyForm: Element | null): ThreadShape {
  const roots = new Set(comments.map((comment) => comment.element));
  // Pingbacks and the commenter's own held comments never have a Reply link.
  const ordinary = comments.filter((comment) => comment.id !== null && comment.type === 'comment' && !comment.pending);
  const withLink = new Set(ordinary.filter((comment) => ownReplyLink(comment, roots)));
  const nested = comments.some((comment) => comment.parentId !== 0);
  if (withLink.size === 0 && !nested) {
    // Comments open (a form), comments printed by WordPress's comment_class() at depth 1, and not
    // one Reply link: threading is off. Comments closed print no Reply links either: nothing known.
    const flat =
      replyForm !== null &&
      ordinary.length > 0 &&
      ordinary.every((comment) => comment.element.classList.contains('depth-1'));
    return { threaded: !flat, atDepthLimit: new Set() };
  }
  const atDepthLimit = new Set<number>();
  if (withLink.size > 0) {
    for (const comment of ordinary) if (!withLink.has(comment) && comment.id !== null) atDepthLimit.add(comment.id);
  }
  return { threaded: true, atDepthLimit };
}
