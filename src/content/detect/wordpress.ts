/** Is this WordPress, where is its REST API, and which post does this view show. */
import { showsWordPressTemplates } from './hidden-wordpress.ts';

const apiRel = 'https://api.w.org/';

function absolute(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    // Not a URL: nothing to read from it.
    return null;
  }
}

export function positiveInt(text: string | null | undefined): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}

// Tag-name lookups and attribute reads only: an attribute selector walks the whole page, and this
// runs on every page of a connected site, WordPress or not.

export function detectRestRoot(doc: Document, url: URL): string | null {
  for (const link of doc.getElementsByTagName('link')) {
    if (link.getAttribute('rel') === apiRel) return absolute(link.getAttribute('href'), url);
  }
  return null;
}

const wpPath = /\/wp-(?:content|includes)\//;

/** Site builders that name themselves in a generator meta and are not WordPress (a page they build may copy its class names). */
const otherGenerator =
  /^(?:Hugo|Jekyll|Ghost|Hexo|Eleventy|Gatsby|Astro|Docusaurus|VuePress|VitePress|MkDocs|Pelican|Zola|Publii|Drupal|Joomla|TYPO3|Grav|Blogger|Wix|Squarespace|Webflow)\b/i;

/**
 * WordPress by its usual markers (generator meta, wp-content/wp-includes paths), or, with `url`, by
 * what its templates print where those markers are hidden (hidden-wordpress.ts). A generator naming
 * another site builder rules the second out.
 */
export function looksLikeWordPress(doc: Document, url?: URL): boolean {
  let otherBuilder = false;
  for (const meta of doc.getElementsByTagName('meta')) {
    if (meta.getAttribute('name')?.toLowerCase() !== 'generator') continue;
    const generator = meta.getAttribute('content') ?? '';
    if (/^WordPress\b/i.test(generator)) return true;
    if (otherGenerator.test(generator)) otherBuilder = true;
  }
  for (const link of doc.getElementsByTagName('link')) if (wpPath.test(link.getAttribute('href') ?? '')) return true;
  for (const script of doc.getElementsByTagName('script'))
    if (wpPath.test(script.getAttribute('src') ?? '')) return true;
  return url !== undefined && !otherBuilder && showsWordPressTemplates(doc, url);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Malformed escapes: the text as it is.
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
  for (const link of doc.getElementsByTagName('link')) {
    if (link.getAttribute('rel') !== 'alternate' || link.getAttribute('type') !== 'application/json') continue;
    const match = /\/wp\/v2\/([a-z0-9_-]+)\/(\d+)\/?$/i.exec(safeDecode(link.getAttribute('href') ?? ''));
    if (match && !notPostRoutes.test(match[1] ?? '')) return positiveInt(match[2]);
  }
  const singular = classes.some(
    (name) => name === 'single' || name === 'page' || name === 'singular' || /^single-/.test(name),
  );
  if (!singular) return null;
  const shortlink = [...doc.getElementsByTagName('link')]
    .find((link) => link.getAttribute('rel') === 'shortlink')
    ?.getAttribute('href');
  const shortId = shortlink ? /[?&]p=(\d+)/.exec(shortlink)?.[1] : null;
  if (shortId) return positiveInt(shortId);
  const commentPost = doc.querySelector<HTMLInputElement>('input[name="comment_post_ID"]')?.value;
  return positiveInt(commentPost);
}
