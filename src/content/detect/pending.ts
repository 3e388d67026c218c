/**
 * Which comments are shown as awaiting moderation (what the commenter sees of their own held
 * comment): the theme's note classes first, then WordPress's redirect after posting
 * (?unapproved=N&moderation-hash=…), and only where a theme prints the note without a class, its
 * text (English and German).
 */
import type { Thread } from './thread.ts';
import { isElement } from './walker.ts';

/**
 * WordPress core and theme strings: "Your comment is awaiting moderation." (en), "Dein Kommentar
 * muss noch freigegeben werden." (de_DE), "Ihr Kommentar muss noch freigegeben werden."
 * (de_DE_formal), and the variants themes print ("… wartet auf Freischaltung").
 */
export const pendingText =
  /awaiting (?:for )?(?:moderation|approval)|muss noch freigegeben werden|wartet auf (?:die )?(?:Freischaltung|Freigabe|Moderation|Prüfung)|noch nicht freigeschaltet|wird (?:noch )?moderiert/i;

/** A note is short and says it near its start; a comment that merely quotes the phrase is longer. */
function isNote(element: Element): boolean {
  const text = (element.textContent ?? '').trim();
  if (text.length > 250) return false;
  const match = pendingText.exec(text);
  return match !== null && match.index <= 40;
}

function byText(scope: ParentNode & Node, thread: Thread): void {
  if (!pendingText.test(scope.textContent ?? '')) return;
  const doc = scope.ownerDocument ?? (scope as Document);
  // NodeFilter.SHOW_TEXT
  const walker = doc.createTreeWalker(scope, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !pendingText.test((node as Text).data) || !isNote(parent)) continue;
    const owner = thread.ownerOf(parent);
    if (owner) owner.pending = true;
  }
}

export function markPending(scope: ParentNode & Node, thread: Thread, notes: readonly string[], url: URL | null): void {
  let marked = 0;
  for (const selector of notes) {
    // A theme marks all its notes the same way: once one kind is found, the others are not looked for.
    if (marked > 0) break;
    const found = [...scope.querySelectorAll(selector)];
    if (isElement(scope) && scope.matches(selector)) found.push(scope);
    for (const note of found) {
      const owner = thread.ownerOf(note);
      if (owner && !owner.pending) {
        owner.pending = true;
        marked++;
      }
    }
  }
  const unapproved = url?.searchParams.get('unapproved');
  if (unapproved && /^\d+$/.test(unapproved)) {
    const held = thread.byId.get(Number(unapproved));
    if (held) held.pending = true;
  }
  // Read text only where no note carries a class.
  if (marked === 0) byText(scope, thread);
}
