/**
 * Reads a site's whole pending queue: page 1 first (it tells how many pages there are), then the
 * other pages a few at a time. If the queue changed while it was read (another moderator at work:
 * X-WP-Total moves), pages may have shifted, so it is read again (at most three passes); what a
 * shift still hides is caught by the re-check of cached comments (recheck).
 */
import type { WpClient } from '../../shared/wp/client.ts';
import type { WpComment } from '../../shared/wp/schemas.ts';

export const perPage = 100;
/** Guards against a server whose paging never ends. */
export const maxPages = 500;
const pagesInFlight = 3;
const maxPasses = 3;

export async function fetchPendingQueue(
  client: WpClient,
  context: 'view' | 'edit',
): Promise<{ comments: WpComment[]; total: number }> {
  let last: { comments: WpComment[]; total: number } = { comments: [], total: 0 };
  for (let pass = 0; pass < maxPasses; pass++) {
    const page = (number: number) =>
      client.listComments({ status: 'hold', type: 'all', perPage, page: number, orderby: 'id', order: 'asc', context });
    const first = await page(1);
    const pages = Math.min(first.totalPages, maxPages);
    const rest: (typeof first)[] = [];
    let next = 2;
    const worker = async () => {
      for (let number = next++; number <= pages; number = next++) rest[number - 2] = await page(number);
    };
    await Promise.all(Array.from({ length: pagesInFlight }, worker));
    const all = [first, ...rest];
    const seen = new Set<number>();
    const comments = all
      .flatMap((result) => result.items)
      .filter((comment) => !seen.has(comment.id) && seen.add(comment.id));
    last = { comments, total: first.total };
    if (all.every((result) => result.total === first.total)) break;
  }
  return last;
}

/**
 * Where are these comments now? WordPress has no modified date, so cached comments that left the
 * pending list are re-read by id (100 at a time, every status and type): moved elsewhere, still
 * pending (a page shifted), or gone (deleted).
 */
export async function recheck(
  client: WpClient,
  ids: readonly number[],
  context: 'view' | 'edit',
): Promise<Map<number, WpComment>> {
  const found = new Map<number, WpComment>();
  for (let start = 0; start < ids.length; start += perPage) {
    const batch = ids.slice(start, start + perPage);
    const result = await client.listComments({ include: batch, status: 'any', type: 'all', perPage, context });
    for (const comment of result.items) found.set(comment.id, comment);
  }
  return found;
}
