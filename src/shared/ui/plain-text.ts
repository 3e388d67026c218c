/**
 * Untrusted HTML (comment content, post titles) as plain text. DOMParser builds an inert document:
 * no script runs, nothing is fetched. What is not text to a reader (scripts, styles) is dropped,
 * and block boundaries become spaces so paragraphs do not run together.
 */
const notText = 'script, style, template, noscript, iframe, object, svg, math';
const blocks = 'p, div, br, li, blockquote, h1, h2, h3, h4, h5, h6, pre, tr, td, th';

export function plainText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of doc.body.querySelectorAll(notText)) element.remove();
  for (const element of doc.body.querySelectorAll(blocks)) element.append(' ');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function excerpt(html: string, maxLength = 160): string {
  const text = plainText(html);
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
