/**
 * Where a site says its REST API lives: the `Link` header and the `<link rel="https://api.w.org/">`
 * element of its pages (scanned with a tolerant regex: the service worker has no DOMParser), and
 * the one name its pages know it by when it was found another way.
 */
import * as v from 'valibot';
import { wpIndexSchema } from './schemas.ts';

const apiRel = 'https://api.w.org/';

export function restRootFromLinkHeader(header: string | null, base: string): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (match?.[1] && match[2] && /rel\s*=\s*"?https:\/\/api\.w\.org\/"?/i.test(match[2])) {
      return new URL(match[1], base).href;
    }
  }
  return null;
}

export function restRootFromHtml(html: string, base: string): string | null {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\brel\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (rel === apiRel && href) return new URL(href.replace(/&amp;/g, '&'), base).href;
  }
  return null;
}

/**
 * The name a site's pages know its REST API by (a page is matched to its site by it:
 * background/sites/site-of-page.ts), for a site found without its announcement (from wp-admin, a
 * page without the links, a guess): what its home announces; else the API under home, as WordPress
 * serves it (`wp-json/`, or `?rest_route=` which every WordPress answers); else where it was found.
 */
export async function canonicalRoot(
  home: string,
  found: string,
  get: (url: string) => Promise<Response>,
): Promise<string> {
  const homePage = new URL(`${home}/`).href;
  const underHome = [new URL('wp-json/', homePage).href, new URL('?rest_route=/', homePage).href];
  const answersForHome = async (root: string) => {
    const index = v.safeParse(wpIndexSchema, await (await get(root)).json());
    return index.success && index.output.home?.replace(/\/+$/, '') === home;
  };
  try {
    const page = await get(homePage);
    const html = (page.headers.get('Content-Type') ?? '').includes('html') ? await page.text() : '';
    const announced =
      restRootFromLinkHeader(page.headers.get('Link'), page.url || homePage) ??
      restRootFromHtml(html, page.url || homePage);
    if (announced && (announced === found || (await answersForHome(announced)))) return announced;
  } catch {
    // the home page says nothing: the API under home
  }
  for (const root of underHome) {
    if (root === found) return found;
    try {
      if (await answersForHome(root)) return root;
    } catch {
      // not there
    }
  }
  return found;
}
