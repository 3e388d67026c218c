import type { CommentType } from '../../shared/moderation.ts';

/** What the inline view needs from the page detector (src/content/detect): the comments it found. */
export interface PageComment {
  id: number | null;
  parentId: number;
  type: CommentType;
  author: string;
  pending: boolean;
  element: Element;
}

export interface PageThread {
  postId: number | null;
  commentsInDom: boolean | null;
  comments: PageComment[];
  replyForm: Element | null;
  article: Element | null;
}
