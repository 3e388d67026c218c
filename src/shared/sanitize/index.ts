// TEMPORARY: replaced by the real module at merge
/**
 * Untrusted comment HTML made safe for innerHTML: DOMPurify with a strict allow-list. Nothing that
 * fetches (no img, no style, no src) survives; links keep only http(s) and mailto targets.
 */
import DOMPurify from 'dompurify';

const allowedTags = ['a', 'p', 'br', 'em', 'strong', 'b', 'i', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'del'];
const allowedUri = /^(?:https?:|mailto:)/i;

const instances = new WeakMap<Window, ReturnType<typeof DOMPurify>>();

export function sanitizeCommentHtml(html: string, win?: Window): string {
  const target = win ?? window;
  let purify = instances.get(target);
  if (!purify) {
    purify = DOMPurify(target as unknown as Parameters<typeof DOMPurify>[0]);
    instances.set(target, purify);
  }
  return purify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: allowedUri,
  });
}

/** Where the links in a comment really go. */
export function linkTargets(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('a[href]')]
    .map((link) => link.getAttribute('href') ?? '')
    .filter((href) => allowedUri.test(href));
}
