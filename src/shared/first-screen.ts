/**
 * The popup's first screen, kept ready by the background in storage.session (ADR 012): the newest
 * pending comments across sites with the sites and post titles they need. Opening IndexedDB in a
 * fresh page takes 80–250 ms on a modest machine; storage.session answers in a few. The popup
 * paints these rows at once, then replaces them with what the cache says (a moment later, the
 * same rows unless something changed meanwhile). Content scripts cannot read storage.session.
 */
import { withStatus } from './db/comment-ranges.ts';
import type { CommentRow, FreigabeDb, PostRow, SiteRow } from './db/index.ts';

export const firstScreenKey = 'firstScreen';
/** rows on the first screen, and read first from the cache */
export const firstPageSize = 30;
/** comment HTML kept at most (a hostile comment may be 64 kB): rows past it come from the cache */
export const firstScreenHtmlBudget = 200_000;

export interface FirstScreen {
  version: 1;
  writtenAt: number;
  sites: SiteRow[];
  posts: PostRow[];
  /** the newest pending comments of every site, newest first */
  rows: CommentRow[];
}

/** The newest few comments of a status (of one site or all), read before the whole view. */
export function loadFirstPage(
  db: FreigabeDb,
  status: string,
  siteId: string | null,
  limit: number,
): Promise<CommentRow[]> {
  const newest = withStatus(db, status).reverse();
  return (siteId === null ? newest : newest.filter((row) => row.siteId === siteId)).limit(limit).toArray();
}

/** What the cache says the first screen is (read by the background, which alone writes the snapshot). */
export async function firstScreenOf(db: FreigabeDb, now: number): Promise<FirstScreen> {
  const [sites, newest] = await Promise.all([db.sites.toArray(), loadFirstPage(db, 'hold', null, firstPageSize)]);
  const rows: CommentRow[] = [];
  let html = 0;
  for (const row of newest) {
    html += row.contentHtml.length + (row.contentRaw?.length ?? 0);
    if (html > firstScreenHtmlBudget) break;
    rows.push(row);
  }
  const postKeys = [...new Map(rows.map((row) => [`${row.siteId}\n${row.post}`, [row.siteId, row.post]])).values()];
  const posts = (await db.posts.bulkGet(postKeys as [string, number][])).filter(
    (post): post is PostRow => post !== undefined,
  );
  return { version: 1, writtenAt: now, sites, posts, rows };
}

/** The stored snapshot, or null when there is none or it is not one (never trusted blindly). */
export function asFirstScreen(value: unknown): FirstScreen | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<FirstScreen>;
  if (
    candidate.version !== 1 ||
    !Array.isArray(candidate.sites) ||
    !Array.isArray(candidate.posts) ||
    !Array.isArray(candidate.rows)
  ) {
    return null;
  }
  return candidate as FirstScreen;
}
