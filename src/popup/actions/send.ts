/** Decisions go to the background (the only writer of the cache), grouped per site. */
import { sendToBackground } from '../../shared/messages.ts';
import type { RequestedDecision as DecisionName } from '../../shared/moderation.ts';
import { parseCommentKey } from '../queue/views.ts';

export type { RequestedDecision as DecisionName } from '../../shared/moderation.ts';

const maxPerMessage = 10_000;

/** Sends one decision about many comments (of any sites); answers with the outbox rows made. */
export async function sendDecision(
  keys: readonly string[],
  decision: DecisionName,
  content?: string,
): Promise<number[]> {
  const bySite = new Map<string, number[]>();
  for (const key of keys) {
    const { siteId, id } = parseCommentKey(key);
    const ids = bySite.get(siteId);
    if (ids) ids.push(id);
    else bySite.set(siteId, [id]);
  }
  const outboxIds: number[] = [];
  for (const [siteId, ids] of bySite) {
    for (let start = 0; start < ids.length; start += maxPerMessage) {
      const reply = await sendToBackground({
        type: 'decide',
        siteId,
        commentIds: ids.slice(start, start + maxPerMessage),
        decision,
        ...(content === undefined ? {} : { content }),
      });
      outboxIds.push(...reply.outboxIds);
    }
  }
  return outboxIds;
}

/** Takes decisions back, the newest first. */
export async function undoDecisions(outboxIds: readonly number[]): Promise<number> {
  const newestFirst = [...outboxIds].reverse();
  for (let start = 0; start < newestFirst.length; start += 50) {
    await Promise.all(
      newestFirst.slice(start, start + 50).map((outboxId) => sendToBackground({ type: 'undo', outboxId })),
    );
  }
  return newestFirst.length;
}
