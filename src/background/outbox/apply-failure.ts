/**
 * What a failed send means, written in one transaction: the outbox row's new state, the cached
 * comment kept, rolled back or removed, the author's reputation, a reply's or edit's text back as a
 * draft, and a site paused for a sign-in (the outcome is decided in outcome.ts).
 */
import type { OutboxRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';
import { restoreDraft } from '../drafts.ts';
import { ReputationChanges } from '../reputation.ts';
import type { Outcome } from './outcome.ts';

export async function applyFailure(ctx: BackgroundContext, row: OutboxRow, outcome: Outcome): Promise<void> {
  const { db } = ctx;
  const key: [string, number] = [row.siteId, row.commentId];
  await db.transaction('rw', [db.outbox, db.comments, db.sites, db.reputation, db.drafts], async () => {
    await db.outbox.update(row.id ?? 0, outcome.row);
    if (outcome.draft !== undefined)
      await restoreDraft(ctx, row.siteId, row.commentId, row.decision === 'edit' ? 'edit' : 'reply', outcome.draft);
    // The decision did not happen: the author's reputation goes back to what it was before it.
    const reputation = new ReputationChanges(row.siteId);
    if (outcome.comment === 'remove') {
      await db.comments.delete(key);
      if (row.decision !== 'reply' && row.decision !== 'edit') reputation.follow(row.snapshot);
    }
    // Roll back what this decision changed in the cache (a reply changed nothing there).
    if (outcome.comment === 'rollback' && row.decision === 'edit') await db.comments.put(row.snapshot);
    else if (outcome.comment === 'rollback' && row.decision !== 'reply') {
      const cached = await db.comments.get(key);
      const restored = { ...(cached ?? row.snapshot), status: row.previousStatus };
      await db.comments.put(restored);
      reputation.follow(restored);
    }
    await reputation.apply(db, ctx.now());
    if (outcome.pauseSite !== undefined) {
      await db.sites.update(row.siteId, { status: 'needs-login', statusMessage: outcome.pauseSite });
    }
  });
}
