/**
 * Which comments are shown as awaiting moderation (what the commenter sees of their own held
 * comment), from structure first: the note classes the families print (core's
 * em.comment-awaiting-moderation in the walker and in the Comment Content block), then any note
 * whose class names moderation (Divi's em.moderation, Blocksy's em.ct-awaiting-moderation), then
 * WordPress's redirect after posting (?unapproved=N&moderation-hash=…). Only where no note carries a
 * class are the words read, in WordPress's own translations (moderation-notes.ts).
 */
import { pendingTextFor } from './moderation-notes.ts';
import type { Thread } from './thread.ts';
import { isElement } from './walker.ts';

const maxNoteLength = 250;

/** A note is short and says it near its start; a comment that merely quotes the phrase is longer. */
function isNote(element: Element, pendingText: RegExp): boolean {
  const text = (element.textContent ?? '').trim();
  if (text.length > maxNoteLength) return false;
  const match = pendingText.exec(text);
  return match !== null && match.index <= 40;
}

function byText(scope: ParentNode & Node, thread: Thread): void {
  const doc = scope.ownerDocument ?? (scope as Document);
  const pendingText = pendingTextFor(doc.documentElement?.getAttribute('lang'));
  if (!pendingText.test(scope.textContent ?? '')) return;
  // NodeFilter.SHOW_TEXT
  const walker = doc.createTreeWalker(scope, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !pendingText.test((node as Text).data) || !isNote(parent, pendingText)) continue;
    const owner = thread.ownerOf(parent);
    if (owner) owner.pending = true;
  }
}

function matching(scope: ParentNode & Node, selector: string): Element[] {
  const found = [...scope.querySelectorAll(selector)];
  if (isElement(scope) && scope.matches(selector)) found.push(scope);
  return found;
}

/** Marks the owners of the notes; returns how many it marked. */
function markOwners(notes: Iterable<Element>, thread: Thread): number {
  let marked = 0;
  for (const note of notes) {
    const owner = thread.ownerOf(note);
    if (owner && !owner.pending) {
      owner.pending = true;
      marked++;
    }
  }
  return marked;
}

/**
 * A theme's own note class names moderation (Divi's em.moderation, Blocksy's em.ct-awaiting-moderation,
 * Hybrid's p.alert.moderation, core's em.comment-awaiting-moderation). Looked for on the elements notes
 * are printed as, em and p: a tag-qualified attribute selector is answered from the tag's list, an
 * unqualified one walks every element of the thread (measured in Chromium: ~0.06 ms against ~0.6 ms on
 * a 1,000-comment page). A note printed as a div or span keeps a known class or its words.
 */
const classedNotes = ['em[class*="moderation"]', 'p[class*="moderation"]'];

/**
 * A note holds a short text (themes that print the note's element on every comment leave it empty on
 * approved ones) and no links (moderation tools are links).
 */
function isClassedNote(element: Element): boolean {
  const text = (element.textContent ?? '').trim();
  return text.length > 0 && text.length <= maxNoteLength && element.querySelector('a, button') === null;
}

export function markPending(scope: ParentNode & Node, thread: Thread, notes: readonly string[], url: URL | null): void {
  let marked = 0;
  for (const selector of notes) {
    // A theme marks all its notes the same way: once one kind is found, the others are not looked for.
    if (marked > 0) break;
    marked += markOwners(matching(scope, selector), thread);
  }
  for (const selector of classedNotes) {
    if (marked > 0) break;
    marked += markOwners(matching(scope, selector).filter(isClassedNote), thread);
  }
  const unapproved = url?.searchParams.get('unapproved');
  if (unapproved && /^\d+$/.test(unapproved)) {
    const held = thread.byId.get(Number(unapproved));
    if (held) held.pending = true;
  }
  // Read text only where no note carries a class.
  if (marked === 0) byText(scope, thread);
}
