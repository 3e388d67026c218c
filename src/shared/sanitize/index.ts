// TEMPORARY: replaced by the real module at merge
import DOMPurify from 'dompurify';

export function sanitizeCommentHtml(html: string, win: Window = window): string {
  return DOMPurify(win as never).sanitize(html, {
    ALLOWED_TAGS: ['p', 'br', 'a', 'em', 'strong', 'b', 'i', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li'],
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  });
}
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');
}
