/** The parts of a single view around the thread: the comment section, the reply form, the article. */
import type { Profile } from './profile.ts';

function outsideNotThread(element: Element, profile: Profile): boolean {
  return !profile.notThread || element.closest(profile.notThread) === null;
}

function first(doc: Document, selector: string, profile: Profile): Element | null {
  for (const element of doc.querySelectorAll(selector)) if (outsideNotThread(element, profile)) return element;
  return null;
}

function firstOf(doc: Document, selectors: readonly string[], profile: Profile): Element | null {
  for (const selector of selectors) {
    const found = first(doc, selector, profile);
    if (found) return found;
  }
  return null;
}

/**
 * true: WordPress's own comment area is here (comments found, or its section, form or "closed"
 * note); false: a third-party embed holds the comments; null: no comment section at all.
 */
export function commentSectionState(doc: Document, profile: Profile, commentsFound: number): boolean | null {
  if (commentsFound > 0) return true;
  if (firstOf(doc, profile.embeds, profile)) return false;
  return firstOf(doc, profile.sections, profile) ? true : null;
}

export function findReplyForm(doc: Document, profile: Profile): Element | null {
  const found = firstOf(doc, profile.replyForms, profile);
  return found ? (found.closest('form') ?? found) : null;
}

/** The post's element: #post-N (classic themes), its post_class() element, or the Post Content block. */
export function findArticle(doc: Document, postId: number, profile: Profile): Element | null {
  const byId = doc.getElementById(`post-${postId}`);
  if (byId && outsideNotThread(byId, profile)) return byId;
  const byClass = firstOf(doc, [`.post-${postId}.hentry`, `.post-${postId}[class*="type-"]`], profile);
  if (byClass) return byClass;
  const postContent = firstOf(doc, profile.articles, profile);
  if (postContent) return postContent.closest('article') ?? postContent;
  const content = first(doc, '.entry-content', profile);
  return content ? (content.closest('article') ?? content) : null;
}
