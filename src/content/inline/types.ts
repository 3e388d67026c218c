import type { DetectedComment } from '../detect/types.ts';

/** What the inline view needs from the page detector (src/content/detect): the comments it found. */
export type PageComment = DetectedComment;

export interface PageThread {
  postId: number | null;
  commentsInDom: boolean | null;
  comments: PageComment[];
  replyForm: Element | null;
  article: Element | null;
}
