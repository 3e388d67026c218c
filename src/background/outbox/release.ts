/**
 * A site answered again (a sync got through after a firewall or the network held its decisions
 * up): what waits only because of that is due now, instead of at the end of its backoff. A reply
 * or edit whose own text a firewall blocked stays on its backoff — sending it again at once would
 * only trip the same rule (which some firewalls count against the user).
 */
import { blocksOnlyItsText } from '../../shared/wp/text-block.ts';
import type { BackgroundContext } from '../context.ts';

const heldUpBy = new Set(['blocked', 'retryable', 'invalid-response']);

/** Makes the held-up decisions of these sites due now; answers how many. */
export async function releaseHeldDecisions(ctx: BackgroundContext, siteIds: readonly string[]): Promise<number> {
  if (siteIds.length === 0) return 0;
  const now = ctx.now();
  return ctx.db.outbox
    .where('siteId')
    .anyOf([...siteIds])
    .filter(
      (row) =>
        row.state === 'waiting' &&
        row.notBefore > now &&
        row.error !== null &&
        heldUpBy.has(row.error.kind) &&
        !blocksOnlyItsText(row.decision, row.error.code),
    )
    .modify({ notBefore: now });
}
