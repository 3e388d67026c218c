/**
 * The commenter's name inside the element a theme prints it in. Themes put more there than the name:
 * the date (<time>, <small>, .comment-date), their Edit and Reply links, core's translated "says:"
 * (span.says), screen-reader text, the avatar. Those parts are recognised by their markup, never by
 * their words, so the name comes out clean in every language.
 */

const pingLabel = /^(?:pingback|trackback)\s*:\s*/i;
const says = /\s+(?:says|sagt|schreibt|meint)\s*:\s*$/i;
/** What themes print between the name and the date: "Name · date", "Name | date", "Name — ". */
const separators = /^[\s·•|,:–—/]+|[\s·•|,:–—/]+$/g;
const separatorAtEdge = /^[·•|,:–—/]|[·•|,:–—/]$/;

/** The name alone: whitespace collapsed, without "Pingback:" before or "says:" and separators after. */
export function cleanAuthor(text: string): string {
  // Most names need nothing but trim(): this runs once per comment, in code the engine has not optimised yet.
  let name = text.trim();
  if (/\s\s|[\t\n\r]/.test(name)) name = name.replace(/\s+/g, ' ');
  if (name.includes(':')) name = name.replace(pingLabel, '').replace(says, '').trim();
  if (separatorAtEdge.test(name)) name = name.replace(separators, '');
  return name;
}

/** Elements that never hold the name: dates, small print, media, scripts. */
const noiseTags = new Set(['TIME', 'SMALL', 'IMG', 'PICTURE', 'FIGURE', 'SVG', 'svg', 'SCRIPT', 'STYLE', 'NOSCRIPT']);
/** Class words of the parts printed beside the name (core's and the themes' own). */
const noiseClass =
  /(?:^|[\s_-])(?:says|date|time|timestamp|reply|edit|permalink|avatar|badge|screen-reader-text|sr-only)(?:$|[\s_-])/i;

/** A part of a name holder that is not the name: a date, a Reply/Edit link, the "says" label, an avatar. */
export function isBesideName(element: Element): boolean {
  if (noiseTags.has(element.tagName)) return true;
  const classes = element.getAttribute('class');
  if (classes && noiseClass.test(classes)) return true;
  if (element.tagName !== 'A') return false;
  // The comment's permalink (the date) and core's reply link, whatever their text says.
  const href = element.getAttribute('href') ?? '';
  return href.includes('replytocom=') || /#comment-\d+$/.test(href);
}

/** The holder's text without the parts beside the name. */
export function nameText(holder: Element): string {
  if (holder.childElementCount === 0) return holder.textContent ?? '';
  let text = '';
  for (let node = holder.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1 && !isBesideName(node as Element)) text += nameText(node as Element);
  }
  return text;
}

/**
 * core's reply link names the commenter: data-replyto and aria-label are sprintf( __( 'Reply to %s' ),
 * get_comment_author() ) in the site's language ("Auf %s antworten", "Odpowiedz użytkownikowi %s",
 * "%s に返信"). Where a holder prints words beside the name in plain text ("Sam Okafor on"), the name
 * is its longest run of leading words that the label contains.
 */
export function fitToReplyLabel(name: string, replyLabel: string | null): string {
  if (!replyLabel || !name || replyLabel.includes(name)) return name;
  const words = name.split(' ');
  for (let count = words.length - 1; count > 0; count--) {
    const head = words.slice(0, count).join(' ');
    if (replyLabel.includes(head)) return head;
  }
  return name;
}
