/**
 * Reading a site's pending queue from WordPress, in `orderby=id` order, 100 a page, a few pages in
 * flight, handed over in list order so they can be written with the cursor. Also: where a
 * stopped sync goes on (resumeOffset), and where cached comments went that left the list (recheck).
 */
import type { WpClient } from '../../shared/wp/client.ts';
import type { WpComment } from '../../shared/wp/schemas.ts';

export const perPage = 100;
/** Guards against a server whose paging never ends. */
export const maxPages = 500;
/**
 * The newest pending comments a sync caches (ADR 022, "the cache during a flood"): older ones are
 * counted, not read. A flood of 100,000 would otherwise fill the cache with rows nobody looks at
 * one by one, and every page of them would make an open popup read and cluster its view again; the
 * popup offers all of them as a job on the server (its tabs show the cached and the server's count).
 */
export const pendingCacheCap = 10_000;
const pagesInFlight = 4;

export interface PendingPage {
  /** where the page starts in the list */
  offset: number;
  items: WpComment[];
  /** X-WP-Total when this page was read */
  total: number;
  /** a pass from the start over a queue longer than the cap: where its newest `cap` begin */
  window?: { start: number; firstId: number };
  /** places in the list the page covers (pages read together are handed over as one): perPage if absent */
  span?: number;
}

/** Consecutive pages as one: written in one transaction instead of one each. */
function joined(pages: readonly PendingPage[]): PendingPage {
  const [first, ...rest] = pages;
  if (!first || rest.length === 0) return first ?? { offset: 0, items: [], total: 0 };
  return {
    ...first,
    items: pages.flatMap((page) => page.items),
    total: rest[rest.length - 1]?.total ?? first.total,
    span: pages.reduce((sum, page) => sum + (page.span ?? perPage), 0),
  };
}

type Context = 'view' | 'edit';

function readPage(client: WpClient, context: Context, offset: number): Promise<PendingPage> {
  return client
    .listComments({
      status: 'hold',
      type: 'all',
      perPage,
      offset: offset > 0 ? offset : undefined,
      orderby: 'id',
      order: 'asc',
      context,
    })
    .then((page) => ({ offset, items: page.items, total: page.total }));
}

/**
 * Reads the pending list from `startOffset` to its end — at most `cap` comments, and from the start
 * only the newest `cap` (the list's end: ids ascend) — and hands the pages to `onPage` in list
 * order, one write at a time (pages that came in during a write joined into the next). When a page
 * cannot be read, the pages before it are still handed over,
 * then the error is thrown; when `onPage` fails, nothing after it is handed over. Answers the total
 * and whether every page saw the same one (if not, the list moved while it was read).
 */
export async function readPendingPages(
  client: WpClient,
  context: Context,
  startOffset: number,
  onPage: (page: PendingPage) => Promise<void>,
  cap = pendingCacheCap,
): Promise<{ total: number; steady: boolean }> {
  let first = await readPage(client, context, startOffset);
  if (startOffset === 0 && first.total > cap) {
    // Over the cap: the first page told the total; the pass starts where the newest `cap` begin.
    startOffset = first.total - cap;
    first = await readPage(client, context, startOffset);
    const firstId = first.items[0]?.id;
    if (firstId !== undefined) first = { ...first, window: { start: startOffset, firstId } };
  }
  const count = Math.max(1, Math.min(maxPages, Math.ceil(Math.min(cap, first.total - startOffset) / perPage)));
  const pages = new Map<number, PendingPage>([[0, first]]);
  const totals = [first.total];
  let nextToRead = 1;
  let nextToHand = 0;
  // A page that cannot be read stops the reading; the pages before it are still written. A page
  // that cannot be written stops everything: nothing after it may be written (the cursor would skip it).
  let readFailure: { error: unknown } | null = null;
  let writeFailure: { error: unknown } | null = null;
  // Pages in list order, waiting to be written; those that came in while a write ran go together
  // into the next one (in the service worker each transaction is round trips to the browser).
  let ready: PendingPage[] = [];
  let writing: Promise<void> | null = null;
  const writeReady = async () => {
    while (ready.length > 0 && !writeFailure) {
      const batch = ready;
      ready = [];
      try {
        await onPage(joined(batch));
      } catch (error) {
        writeFailure = { error };
      }
    }
  };

  const handOver = () => {
    for (let page = pages.get(nextToHand); page; page = pages.get(nextToHand)) {
      pages.delete(nextToHand);
      nextToHand += 1;
      ready.push(page);
    }
    // Let go of after it settles (`finally` runs after this assignment, even for a writer that has
    // nothing to do): a settled writer left in place would start no other and never be awaited out.
    if (!writing && ready.length > 0 && !writeFailure)
      writing = writeReady().finally(() => {
        writing = null;
      });
  };
  const reader = async () => {
    for (let index = nextToRead++; index < count && !readFailure && !writeFailure; index = nextToRead++) {
      try {
        const page = await readPage(client, context, startOffset + index * perPage);
        totals.push(page.total);
        pages.set(index, page);
        handOver();
      } catch (error) {
        readFailure ??= { error };
      }
    }
  };
  handOver();
  await Promise.all(Array.from({ length: pagesInFlight }, reader));
  while (writing) await writing;
  const failure = (writeFailure ?? readFailure) as { error: unknown } | null;
  if (failure) throw failure.error;
  return { total: first.total, steady: totals.every((total) => total === first.total) };
}

/**
 * Where a stopped sync goes on: an offset whose previous item is at most `afterId` (so nothing
 * after the last comment written is skipped), starting from the guess and stepping back, further
 * each time, while the list has shrunk before it. Cheap probes of one id each.
 *
 * `unchanged`: the last comment written is still exactly where it was, so as many comments are
 * pending up to it as when they were read — none of them left meanwhile (unless as many old ones
 * came back, e.g. restored from spam, which the next sync sees).
 *
 * For an author WordPress hides items it counts, so a probe can come back empty; stepping back
 * then is still correct, only less of the work is saved.
 */
export async function resumeOffset(
  client: WpClient,
  afterId: number,
  guess: number,
): Promise<{ offset: number; unchanged: boolean }> {
  let offset = Math.max(0, guess);
  for (let step = 1; offset > 0; step *= 2) {
    const probe = await client.listCommentIds({
      status: 'hold',
      type: 'all',
      perPage: 1,
      offset: offset - 1,
      orderby: 'id',
      order: 'asc',
    });
    const id = probe.items[0];
    if (id !== undefined && id <= afterId) return { offset, unchanged: offset === guess && id === afterId };
    offset = Math.max(0, offset - step);
  }
  return { offset: 0, unchanged: false };
}

/**
 * Where are these comments now? WordPress has no modified date, so cached comments that left the
 * pending list are re-read by id (100 at a time, every status and type): moved elsewhere, still
 * pending (a page shifted), or gone (deleted).
 */
export async function recheck(
  client: WpClient,
  ids: readonly number[],
  context: Context,
): Promise<Map<number, WpComment>> {
  const found = new Map<number, WpComment>();
  for (let start = 0; start < ids.length; start += perPage) {
    const batch = ids.slice(start, start + perPage);
    const result = await client.listComments({ include: batch, status: 'any', type: 'all', perPage, context });
    for (const comment of result.items) found.set(comment.id, comment);
  }
  return found;
}
