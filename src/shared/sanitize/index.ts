/**
 * Comment HTML is untrusted input everywhere it is shown. This is the one place it becomes safe
 * (house style, habit 9): DOMPurify with a strict allow-list, then our own rules for links.
 *
 * What survives: text formatting only — p, br, a, em, strong, b, i, s, strike, del, ins, code,
 * pre, blockquote, q, cite, abbr, acronym, ul, ol, li. Attributes: `href` on links, `title` on
 * abbr/acronym. Everything else goes (content of dropped formatting is kept as text; script,
 * style, template, noscript, iframe, SVG, MathML and the like go with their content):
 * - nothing that fetches: no img, picture, video, audio, source, object, embed, iframe, link,
 *   meta, no `src`/`srcset`/`background`/`poster`, no `style` attribute or element (CSS `url()`);
 * - nothing that acts: no script, no event handler, no form, button, input, no `javascript:`,
 *   `data:` or `vbscript:` link, however its scheme is disguised;
 * - nothing that reaches into our UI: no `id` or `name` (DOM clobbering), no `class` (our CSS
 *   selectors), no `data-*`/`aria-*`, no custom elements, no other namespace.
 *
 * Links: only absolute `http:`, `https:` and `mailto:` targets stay links (others become their
 * text). Each gets `target="_blank"` and `rel="nofollow ugc noopener noreferrer"` (it opens only
 * on a click, in a new tab, without a referrer or an opener), its `title` is its real target
 * (a commenter's title could lie), and when its text does not name the host it goes to, a hint
 * follows it: `<a …>Community-Strategie</a> <span data-link-host="">(vogt-digital.example/…)</span>`.
 * The hint is outside the link (never part of what is clicked) and marked with an attribute no
 * comment can carry (comment `data-*` attributes are removed), so the UI may style it.
 */
import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { displayTarget, safeLinkTarget, textShowsTarget } from './links.ts';

/** Attribute of the hint after a link whose text hides its target. */
export const LINK_HOST_ATTRIBUTE = 'data-link-host';
const LINK_REL = 'nofollow ugc noopener noreferrer';
/**
 * WordPress stores at most 65,535 bytes of comment text; rendering adds markup around it. Longer
 * input is not a comment but an attack on the parser, and is cut.
 */
const MAX_INPUT_LENGTH = 200_000;

const ALLOWED_TAGS = [
  'p',
  'br',
  'a',
  'em',
  'strong',
  'b',
  'i',
  's',
  'strike',
  'del',
  'ins',
  'code',
  'pre',
  'blockquote',
  'q',
  'cite',
  'abbr',
  'acronym',
  'ul',
  'ol',
  'li',
];
const ATTRIBUTES_BY_TAG: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  abbr: ['title'],
  acronym: ['title'],
};

const config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'title'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ALLOWED_NAMESPACES: ['http://www.w3.org/1999/xhtml'],
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
} satisfies Config;

/** One DOMPurify per window (its parser and node types belong to that window), hooks set once. */
const purifiers = new WeakMap<Window, DOMPurify>();

function purifierFor(win: Window): DOMPurify {
  let purifier = purifiers.get(win);
  if (!purifier) {
    // A window carries its constructors (Node, DOMParser …); TypeScript's `Window` type just does not list them.
    purifier = createDOMPurify(win as Window & typeof globalThis);
    purifier.addHook('uponSanitizeAttribute', onlyAttributesOfTheirTag);
    purifiers.set(win, purifier);
  }
  return purifier;
}

function onlyAttributesOfTheirTag(element: Element, event: UponSanitizeAttributeHookEvent): void {
  const allowed = ATTRIBUTES_BY_TAG[element.localName] ?? [];
  if (!allowed.includes(event.attrName)) event.keepAttr = false;
}

/** Untrusted comment HTML → safe HTML for innerHTML in our own documents (popup, closed shadow roots). Needs a DOM window. */
export function sanitizeCommentHtml(html: string, win: Window | undefined = globalThis.window): string {
  if (!win?.document) throw new Error('sanitizeCommentHtml needs a DOM window (not available in the service worker)');
  const fragment = purifierFor(win).sanitize(html.slice(0, MAX_INPUT_LENGTH), config);
  for (const link of [...fragment.querySelectorAll('a')]) finishLink(link, win.document);
  const container = win.document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}

/**
 * Untrusted comment HTML → the plain text a reader sees of its sanitized form, one line (samples,
 * overviews). From the sanitizer like everything shown, not a tag-stripping regular expression:
 * attributes, comments and dropped elements never read as text. Needs a DOM window.
 */
export function commentPlainText(html: string, win: Window | undefined = globalThis.window): string {
  if (!win?.document) throw new Error('commentPlainText needs a DOM window (not available in the service worker)');
  const fragment = purifierFor(win).sanitize(html.slice(0, MAX_INPUT_LENGTH), config);
  // Blocks and line breaks separate words, as they do on screen.
  for (const block of [...fragment.querySelectorAll('br, p, li, blockquote, pre')]) block.after(' ');
  return (fragment.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function finishLink(link: HTMLAnchorElement, document: Document): void {
  const target = safeLinkTarget(link.getAttribute('href'));
  if (!target) {
    link.replaceWith(...link.childNodes);
    return;
  }
  for (const name of link.getAttributeNames()) link.removeAttribute(name);
  link.setAttribute('href', target.href);
  link.setAttribute('title', target.href);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', LINK_REL);
  if (textShowsTarget(link.textContent ?? '', target)) return;
  const hint = document.createElement('span');
  hint.setAttribute(LINK_HOST_ATTRIBUTE, '');
  hint.textContent = `(${displayTarget(target)})`;
  link.after(' ', hint);
}

/**
 * Links in sanitized content, with their real targets, for display ("example.com/…"), in order
 * and without repeats. Expects `sanitizeCommentHtml`'s output, where every link starts with a
 * canonical `href="…"` (a URL serializer's output holds no quote); needs no DOM.
 */
export function linkTargets(html: string): string[] {
  const targets = new Set<string>();
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) {
    const target = safeLinkTarget(decodeAttribute(href ?? ''));
    if (target) targets.add(displayTarget(target));
  }
  return [...targets];
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}
