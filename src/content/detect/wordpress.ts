/** Is this WordPress, where is its REST API, and which post does this view show. */

const apiRel = 'https://api.w.org/';

function absolute(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

export function positiveInt(text: string | null | undefined): number | null {
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Views that list posts (blog index, archives, search) or none (404): no post of their own. */
const listingClasses = new Set(['archive', 'blog', 'search', 'search-results', 'search-no-results', 'error404']);

/** REST routes of things that are not posts: the alternate link of a term or author archive. */
const notPostRoutes =
  /^(?:categories|tags|users|comments|taxonomies|types|statuses|settings|menus|menu-items|navigation|blocks|templates|template-parts|global-styles|sidebars|widgets|block-types|search)$/;

/** The id of the post a singular view shows, from the signals WordPress itself prints. */
export function detectPostId(doc: Document): number | null {
  const classes = doc.body ? [...doc.body.classList] : [];
  for (const name of classes) {
    const match = /^(?:postid|page-id)-(\d+)$/.exec(name);
    if (match) return positiveInt(match[1]);
  }
  if (classes.some((name) => listingClasses.has(name)) || (classes.includes('home') && !classes.includes('page'))) {
    return null;
  }
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][type="application/json"]')) {
    const match = /\/wp\/v2\/([a-z0-9_-]+)\/(\d+)\/?$/i.exec(safeDecode(link.getAttribute('href') ?? ''));
    if (match && !notPostRoutes.test(match[1] ?? '')) return positiveInt(match[2]);
  }
  const singular = classes.some(
    (name) => name === 'single' || name === 'page' || name === 'singular' || /^single-/.test(name),
  );
  if (!singular) return null;
  const shortlink = doc.querySelector('link[rel="shortlink"]')?.getAttribute('href');
  const shortId = shortlink ? /[?&]p=(\d+)/.exec(shortlink)?.[1] : null;
  if (shortId) return positiveInt(shortId);
  const commentPost = doc.querySelector<HTMLInputElement>('input[name="comment_post_ID"]')?.value;
  return positiveInt(commentPost);
}
