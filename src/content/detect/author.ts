/**
 * Each comment's author: one querySelectorAll per author selector (best first) over the thread,
 * each match given to the comment that owns it, so a reply's name never lands on its parent.
 */
import type { Thread } from './thread.ts';

const label = /^(?:pingback|trackback)\s*:\s*/i;
const says = /\s+(?:says|sagt|schreibt|meint)\s*:\s*$/i;
const saysWord = /(?:says|sagt|schreibt|meint)\s*:?\s*$/i;

/** The name alone: whitespace collapsed, without "Pingback:" before or "says:" after. */
export function cleanAuthor(text: string): string {
  // Most names need nothing but trim(): this runs once per comment, in code the engine has not optimised yet.
  let name = text.trim();
  if (/\s\s|[\t\n\r]/.test(name)) name = name.replace(/\s+/g, ' ');
  if (name.includes(':')) name = name.replace(label, '').replace(says, '').trim();
  return name;
}

/** A holder's text without the "says" label a container prints beside the name (span.says). */
function authorText(element: Element): string {
  const text = element.textContent ?? '';
  const saysLabel = saysWord.test(text) ? element.querySelector('.says') : null;
  return cleanAuthor(saysLabel ? text.replace(saysLabel.textContent ?? '', ' ') : text);
}

/** Pings without an author element get their linked title afterwards (comments.ts), so only comments are waited for. */
export function assignAuthors(scope: ParentNode, thread: Thread, selectors: readonly string[]): void {
  let missing = thread.groups.filter(
    (group) => !group.duplicate && group.type !== 'pingback' && group.type !== 'trackback',
  ).length;
  for (const selector of selectors) {
    if (missing === 0) return;
    for (const element of scope.querySelectorAll(selector)) {
      const owner = thread.ownerOf(element);
      if (!owner || owner.author !== null) continue;
      const name = authorText(element);
      if (!name) continue;
      owner.author = name;
      if (owner.type !== 'pingback' && owner.type !== 'trackback') missing--;
    }
  }
}
