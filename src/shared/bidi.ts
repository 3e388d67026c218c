/**
 * Commenter-controlled text (names, URLs, samples) set apart for the Unicode bidi algorithm, so a
 * right-to-left override (U+202E) in it cannot reorder what stands next to it. In markup a `<bdi>`
 * does it; inside a sentence built from a message (`t('inReplyTo', [name])`), an aria-label or a
 * title, the text is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE. Isolate marks in
 * the text itself go first: a stray U+2069 would close our isolate early.
 */
const isolateMarks = /[\u2066-\u2069]/g;

export function isolate(text: string): string {
  return `\u2068${text.replace(isolateMarks, '')}\u2069`;
}
