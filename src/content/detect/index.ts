/**
 * Pure page detection: (document, url) → what the page is. No browser API, no network, no UI, and
 * only relative imports, so it can be bundled and tested on its own.
 */

export interface PageModel {
  isWordPress: boolean;
  /** absolute REST root as the site announces it, e.g. https://example.com/wp-json/ */
  restRoot: string | null;
  /** the post or page this single view shows; null on home, archive and search pages */
  postId: number | null;
}

const apiRel = 'https://api.w.org/';

function absolute(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function positiveInt(text: string | null | undefined): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}

export function detectRestRoot(doc: Document, url: URL): string | null {
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel]')) {
    if (link.getAttribute('rel') === apiRel) return absolute(link.getAttribute('href'), url);
  }
  return null;
}

export function looksLikeWordPress(doc: Document): boolean {
  const generator = doc.querySelector('meta[name="generator" i]')?.getAttribute('content') ?? '';
  if (/^WordPress\b/i.test(generator)) return true;
  return (
    doc.querySelector(
      'link[href*="/wp-content/"], link[href*="/wp-includes/"], script[src*="/wp-includes/"], script[src*="/wp-content/"]',
    ) !== null
  );
}

/** The id of the post a singular view shows, from the signals WordPress itself prints. */
export function detectPostId(doc: Document): number | null {
  const body = doc.body;
  const classes = body ? [...body.classList] : [];
  const singular = classes.some(
    (name) => name === 'single' || name === 'page' || name === 'singular' || /^single-/.test(name),
  );
  for (const name of classes) {
    const match = /^(?:postid|page-id)-(\d+)$/.exec(name);
    if (match) return positiveInt(match[1]);
  }
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][type="application/json"]')) {
    const match = /\/wp\/v2\/(?:posts|pages|[a-z0-9_-]+)\/(\d+)\/?$/i.exec(
      decodeURIComponent(link.getAttribute('href') ?? ''),
    );
    if (match) return positiveInt(match[1]);
  }
  if (!singular) return null;
  const shortlink = doc.querySelector('link[rel="shortlink"]')?.getAttribute('href');
  const shortId = shortlink ? /[?&]p=(\d+)/.exec(shortlink)?.[1] : null;
  if (shortId) return positiveInt(shortId);
  const commentPost = doc.querySelector<HTMLInputElement>('input[name="comment_post_ID"]')?.value;
  return positiveInt(commentPost);
}

export function detectPage(doc: Document, url: URL): PageModel {
  const restRoot = detectRestRoot(doc, url);
  const isWordPress = restRoot !== null || looksLikeWordPress(doc);
  return { isWordPress, restRoot, postId: isWordPress ? detectPostId(doc) : null };
}
