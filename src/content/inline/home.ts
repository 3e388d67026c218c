/**
 * Where on this page a comment the theme does not show (pending, spam) belongs — or that it
 * belongs on another comment page. Pure: from the cached comments, the comments this page shows,
 * and how the theme threads them. WordPress's own rules (wp-includes/comment.php
 * `get_page_of_comment()`, comment-template.php `comments_template()`, `Walker_Comment`):
 *  - pages are counted from the oldest comment; with threading on, only top-level comments fill
 *    pages and a reply lives on its top-level ancestor's page; with it off, every comment does;
 *  - a new top-level comment, once approved, is the newest: it lands on the last page, which is
 *    the page a blog showing the newest comments first opens on. So on such a blog a pending
 *    comment shows on the article's first screen, not again on every older page;
 *  - a reply to a comment at the depth limit is printed beside that comment, at its level.
 * With threading on, each comment's permalink (REST `link`) carries its page, computed by
 * WordPress itself. With threading off, `get_page_of_comment()` still counts top-level comments
 * only, so WordPress's own links point to the wrong page; the page is computed from the approved
 * comments instead (the ones just before and after the comments shown here).
 */
import type { InlineComment } from '../../shared/inline-protocol.ts';
import { pageOfLink } from './comment-pages.ts';

export interface ReplyTo {
  parentId: number;
  /** the parent's author ('' when the parent is not known here) */
  author: string;
  /** the parent's permalink, when known */
  link: string | null;
  /** the parent's comment page when it is another one than this */
  page: number | null;
}

export type Home =
  /** in the parent's list of replies */
  | { where: 'under'; parentId: number }
  /** beside its parent (at the depth limit), at the parent's level */
  | { where: 'beside'; parentId: number; replyTo: ReplyTo }
  /** after its parent's card (a reply to a comment that is itself pending here) */
  | { where: 'afterCard'; parentId: number; replyTo: ReplyTo | null }
  /** in the list of top-level comments (with threading off: of all comments), by date */
  | { where: 'list'; replyTo: ReplyTo | null }
  /** on another comment page (null: which one is not known) */
  | { where: 'elsewhere'; page: number | null; link: string | null };

export interface PageView {
  threaded: boolean;
  /** comments printed at the depth limit (a reply to them is printed beside them) */
  atDepthLimit: ReadonlySet<number>;
  /** the ids of the comments the theme shows here */
  shown: ReadonlySet<number>;
  /** the comment page in front of the user, when known */
  currentPage: number | null;
  /** every cached comment of the article, by id */
  cached: ReadonlyMap<number, InlineComment>;
}

const newer = (a: InlineComment, b: InlineComment) => a.date > b.date || (a.date === b.date && a.id > b.id);

/**
 * With threading off: whether a comment falls on this page by date — after the last approved
 * comment of the page before, and not after this page's last one unless this is the last page
 * (WordPress: page = ceil((older approved comments + 1) / per page)). null: nothing shown here to
 * tell by.
 */
function flatWindow(view: PageView): ((comment: InlineComment) => boolean) | null {
  const approved = [...view.cached.values()]
    .filter((candidate) => candidate.status === 'approved')
    .sort((a, b) => a.date - b.date || a.id - b.id);
  const shownAt = approved.flatMap((candidate, index) => (view.shown.has(candidate.id) ? [index] : []));
  const first = shownAt[0];
  const last = shownAt.at(-1);
  if (first === undefined || last === undefined) return null;
  const before = approved[first - 1];
  const lastShown = approved[last] as InlineComment;
  const isLastPage = last === approved.length - 1;
  return (comment) => (!before || newer(comment, before)) && (isLastPage || !newer(comment, lastShown));
}

function replyToOf(comment: InlineComment, view: PageView): ReplyTo | null {
  if (comment.parent === 0) return null;
  const parent = view.cached.get(comment.parent);
  const page = parent?.link ? pageOfLink(parent.link) : null;
  return {
    parentId: comment.parent,
    author: parent?.authorName ?? '',
    link: parent?.link || null,
    page: view.threaded && page !== null && page !== view.currentPage ? page : null,
  };
}

function homeOf(
  comment: InlineComment,
  view: PageView,
  homes: ReadonlyMap<number, Home>,
  onThisFlatPage: ((comment: InlineComment) => boolean) | null,
): Home {
  if (!view.threaded) {
    // Flat: by date, wherever its parent is; "In reply to X." says what it answers.
    if (onThisFlatPage && !onThisFlatPage(comment)) return { where: 'elsewhere', page: null, link: null };
    return { where: 'list', replyTo: replyToOf(comment, view) };
  }
  const parentId = comment.parent;
  if (parentId !== 0 && view.shown.has(parentId)) {
    if (view.atDepthLimit.has(parentId)) {
      return { where: 'beside', parentId, replyTo: replyToOf(comment, view) as ReplyTo };
    }
    return { where: 'under', parentId };
  }
  const parentHome = parentId === 0 ? undefined : homes.get(parentId);
  if (parentHome && parentHome.where !== 'elsewhere') {
    return { where: 'afterCard', parentId, replyTo: replyToOf(comment, view) };
  }
  // Its top-level ancestor's page, as WordPress computed it for the permalink.
  const page = comment.link ? pageOfLink(comment.link) : null;
  if (page !== null && view.currentPage !== null && page !== view.currentPage) {
    return { where: 'elsewhere', page, link: comment.link };
  }
  return { where: 'list', replyTo: replyToOf(comment, view) };
}

/** Homes for the comments to place, oldest first (a parent is placed before its replies). */
export function homesOf(comments: readonly InlineComment[], view: PageView): Map<number, Home> {
  const homes = new Map<number, Home>();
  const oldestFirst = [...comments].sort((a, b) => a.date - b.date || a.id - b.id);
  const onThisFlatPage = view.threaded ? null : flatWindow(view);
  for (const comment of oldestFirst) homes.set(comment.id, homeOf(comment, view, homes, onThisFlatPage));
  return homes;
}

export interface ElsewhereEntry {
  /** null: another page, which one is not known */
  page: number | null;
  count: number;
  /** a permalink on that page */
  link: string | null;
}

/** What waits on other comment pages, by page (unknown pages last), for the summary bar. */
export function elsewhereByPage(homes: ReadonlyMap<number, Home>): ElsewhereEntry[] {
  const pages = new Map<number | null, ElsewhereEntry>();
  for (const home of homes.values()) {
    if (home.where !== 'elsewhere') continue;
    const entry = pages.get(home.page) ?? { page: home.page, count: 0, link: home.link };
    entry.count += 1;
    pages.set(home.page, entry);
  }
  return [...pages.values()].sort((a, b) => (a.page ?? Number.MAX_SAFE_INTEGER) - (b.page ?? Number.MAX_SAFE_INTEGER));
}
