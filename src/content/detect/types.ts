/** What the detector reports. Plain data plus the elements it found; no behaviour. */

export type CommentType = 'comment' | 'pingback' | 'trackback';

export interface DetectedComment {
  /** null only where the theme prints no id at all (e.g. Twenty Ten's pingbacks) */
  id: number | null;
  /** 0 = top level */
  parentId: number;
  type: CommentType;
  /** the name alone, whitespace collapsed, without "says:" or "Pingback:"; for pings the linked title */
  author: string;
  /** shown with an awaiting-moderation note (the commenter's own view of a held comment) */
  pending: boolean;
  /** the comment's own root: the element that holds it and its nested replies */
  element: Element;
}

export interface PageModel {
  isWordPress: boolean;
  /** absolute REST root as the site announces it, e.g. https://example.com/wp-json/ */
  restRoot: string | null;
  /** the post or page this single view shows; null on home, archive and search pages */
  postId: number | null;
  /**
   * true where WordPress's own comment area is in the page (even empty, e.g. comments closed);
   * false where the comment section is a third-party embed (Disqus and similar); null where the
   * page has no comment section at all
   */
  commentsInDom: boolean | null;
  /** in document order */
  comments: DetectedComment[];
  replyForm: Element | null;
  article: Element | null;
}
