/**
 * A chunk that was claimed but never answered (the worker stopped mid-chunk, the site went away, a
 * 429 stopped it): before anything is sent again, the claimed comments' statuses are read afresh.
 * A comment still in the status it was claimed in is sent; one already where the action leaves it
 * was changed by the stopped worker (done, not sent twice); one anywhere else was moved by someone
 * else (skipped). The Bridge needs no reading: its compare-and-set answers the same question.
 */
import type { JobAction } from '../../shared/jobs.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { reachedBy } from '../../shared/wp/job-requests.ts';
import type { ItemOutcome } from './outcomes.ts';
import { type ClaimItem, claimItemOf, contextOf } from './selection.ts';

export interface Recovered {
  /** still to be sent */
  items: ClaimItem[];
  /** decided by reading alone */
  outcomes: ItemOutcome[];
}

const readPage = 100;

export async function recoverRestChunk(
  client: WpClient,
  site: { mode: 'moderator' | 'author' },
  action: JobAction,
  ids: readonly number[],
  before: readonly string[],
): Promise<Recovered> {
  const recovered: Recovered = { items: [], outcomes: [] };
  for (let start = 0; start < ids.length; start += readPage) {
    const slice = ids.slice(start, start + readPage);
    const found = new Map((await client.jobs.statusesOf(slice, contextOf(site))).map((c) => [c.id, c]));
    slice.forEach((id, index) => {
      const comment = found.get(id);
      const claimedIn = before[start + index];
      if (!comment) {
        // Gone (or, for an author, out of sight in spam or trash): where the action would have put it, or deleted elsewhere.
        const gone = action === 'delete' || (site.mode === 'author' && (action === 'spam' || action === 'trash'));
        recovered.outcomes.push({ id, result: gone ? 'done' : 'skipped', status: gone ? 'deleted' : null });
      } else if (comment.status === claimedIn) recovered.items.push(claimItemOf(site, comment));
      else if (reachedBy(action, comment.status))
        recovered.outcomes.push({ id, result: 'done', status: comment.status });
      else recovered.outcomes.push({ id, result: 'skipped', status: comment.status });
    });
  }
  return recovered;
}
