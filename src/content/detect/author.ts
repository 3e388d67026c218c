/**
 * Each comment's author: one querySelectorAll per author selector (best first) over the thread,
 * each match given to the comment that owns it, so a reply's name never lands on its parent. Then,
 * for comments still without one, the holder their theme prints without a known class
 * (unmarked-author.ts).
 */
import { cleanAuthor, fitToReplyLabel, nameText } from './author-name.ts';
import type { CommentGroup, Thread } from './thread.ts';
import { replyLabel, unmarkedAuthor } from './unmarked-author.ts';

export interface AuthorHolders {
  /** elements that hold the name alone (.fn, the Comment Author Name block) */
  exact: readonly string[];
  /** containers that may print more beside the name (.comment-author with date, "on", Edit) */
  loose: readonly string[];
}

const isPing = (group: CommentGroup) => group.type === 'pingback' || group.type === 'trackback';

/** Pings without an author element get their linked title afterwards (comments.ts), so only comments are waited for. */
export function assignAuthors(scope: ParentNode, thread: Thread, holders: AuthorHolders): void {
  let missing = thread.groups.filter((group) => !group.duplicate && !isPing(group)).length;
  const pass = (selectors: readonly string[], loose: boolean) => {
    for (const selector of selectors) {
      if (missing === 0) return;
      for (const element of scope.querySelectorAll(selector)) {
        const owner = thread.ownerOf(element);
        if (!owner || owner.author !== null) continue;
        // An exact holder is read whole (cheap, once per comment); a container without what it prints
        // beside the name, and up to where the reply link's label ends the name ("Sam Okafor on").
        const name = loose
          ? fitToReplyLabel(cleanAuthor(nameText(element)), replyLabel(owner, thread))
          : cleanAuthor(element.textContent ?? '');
        if (!name) continue;
        owner.author = name;
        if (!isPing(owner)) missing--;
      }
    }
  };
  pass(holders.exact, false);
  pass(holders.loose, true);
  if (missing === 0) return;
  for (const group of thread.groups) {
    if (group.author === null && !group.duplicate && !isPing(group)) group.author = unmarkedAuthor(group, thread);
  }
}
