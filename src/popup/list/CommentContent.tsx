/**
 * A comment's content: sanitized once (DOMPurify allow-list, nothing that fetches), shown with the
 * real target of every link next to it (CSS), and a link opens only on a click, in a new tab.
 */
import { browser } from '../../shared/browser.ts';
import { sanitizeCommentHtml } from '../../shared/sanitize/index.ts';

const remembered = new Map<string, string>();

function sanitized(html: string): string {
  const known = remembered.get(html);
  if (known !== undefined) return known;
  const clean = sanitizeCommentHtml(html);
  if (remembered.size > 500) remembered.clear();
  remembered.set(html, clean);
  return clean;
}

function openLink(event: MouseEvent) {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (/^https?:/i.test(href)) void browser.tabs.create({ url: href, active: false });
}

export function CommentContent({ html, full }: { html: string; full: boolean }) {
  return (
    // The HTML was sanitized by sanitizeCommentHtml (DOMPurify allow-list). The click handler catches
    // clicks on the links inside (Enter on a focused link clicks it too).
    // biome-ignore lint/a11y: see above
    <div
      class={full ? 'content' : 'content clamped'}
      onClick={openLink}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by sanitizeCommentHtml (DOMPurify, strict allow-list)
      dangerouslySetInnerHTML={{ __html: sanitized(html) }}
    />
  );
}
