/**
 * What REST itself answers for a flood's count and preview, through Freigabe's client in Node: the
 * floor under the extension's `previewJob`. The count is X-WP-Total of a one-id page; the preview
 * the newest 20 with `context=edit` (as a moderator sees them).
 */
import type { JobFilter } from '../../src/shared/jobs.ts';
import { createWpClient } from '../../src/shared/wp/client.ts';
import type { Account } from './throughput.ts';

export interface RestPreview {
  total: number;
  countMs: number;
  rows: number;
  firstRowsMs: number;
}

const restStatus = { hold: 'hold', approved: 'approve', spam: 'spam', trash: 'trash' } as const;
const restType = { all: 'all', comments: 'comment', pings: 'pings' } as const;

export async function restPreview(root: string, account: Account, filter: JobFilter): Promise<RestPreview> {
  const client = createWpClient({
    root,
    auth: { kind: 'application-password', username: account.login, password: account.applicationPassword },
    fetch: (input, init) => fetch(input, init),
  });
  const params = {
    status: restStatus[filter.status as keyof typeof restStatus],
    type: restType[filter.type],
    post: filter.post === undefined ? undefined : [filter.post],
    search: filter.search,
  };
  let started = performance.now();
  const count = await client.listCommentIds({ ...params, perPage: 1 });
  const countMs = performance.now() - started;
  started = performance.now();
  const first = await client.listComments({ ...params, perPage: 20, context: 'edit' });
  return { total: count.total, countMs, rows: first.items.length, firstRowsMs: performance.now() - started };
}
