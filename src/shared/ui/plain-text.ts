/**
 * Untrusted HTML (comment content, post titles) as plain text. DOMParser builds an inert document:
 * no script runs, nothing is fetched.
 */
export function plainText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function excerpt(html: string, maxLength = 160): string {
  const text = plainText(html);
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
