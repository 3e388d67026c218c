/**
 * "Unreplied" in the popup (ADR 028): asks the background, which asks WordPress and writes what it
 * finds into the cache; the rows are then read from the cache, so a reply sent from here (through
 * the outbox) takes its comment off the list once WordPress has it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CommentRow, FreigabeDb } from '../../shared/db/index.ts';
import { MessageError, sendToBackground, type UnrepliedSite } from '../../shared/messages.ts';
import { useLiveQuery } from '../../shared/ui/use-live-query.ts';
import { commentKey } from '../queue/views.ts';

export interface UnrepliedRow {
  comment: CommentRow;
  /** `${siteId}\n${userId}`: whose post it is */
  postAuthor: string;
}

export type UnrepliedState =
  | { state: 'loading' }
  | { state: 'ready'; sites: UnrepliedSite[] }
  | { state: 'failed'; message: string };

export function useUnreplied(db: FreigabeDb): { answer: UnrepliedState; rows: UnrepliedRow[]; retry: () => void } {
  const [answer, setAnswer] = useState<UnrepliedState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again
  useEffect(() => {
    let current = true;
    setAnswer({ state: 'loading' });
    sendToBackground({ type: 'findUnreplied' }).then(
      ({ sites }) => current && setAnswer({ state: 'ready', sites }),
      (error: unknown) =>
        current &&
        setAnswer({
          state: 'failed',
          message: error instanceof MessageError || error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const found =
    answer.state === 'ready' ? answer.sites.flatMap((site) => (site.outcome === 'found' ? [site] : [])) : [];
  const wanted = found.flatMap((site) =>
    site.comments.map((comment) => ({ siteId: site.siteId, id: comment.id, postAuthor: comment.postAuthor })),
  );
  const rows = useLiveQuery(async () => {
    const keys = wanted.map(({ siteId, id }) => [siteId, id] as [string, number]);
    const [comments, decisions] = await Promise.all([
      db.comments.bulkGet(keys),
      db.outbox.where('[siteId+commentId]').anyOf(keys).toArray(),
    ]);
    // Answered from here, and WordPress has the reply: no longer unreplied.
    const answered = new Set(
      decisions
        .filter((row) => row.decision === 'reply' && row.state === 'done')
        .map((row) => commentKey({ siteId: row.siteId, id: row.commentId })),
    );
    return wanted.flatMap(({ siteId, postAuthor }, index) => {
      const comment = comments[index];
      if (comment?.status !== 'approved' || answered.has(commentKey(comment))) return [];
      return [{ comment, postAuthor: `${siteId}\n${postAuthor}` }];
    });
  }, [db, wanted.map(({ siteId, id }) => `${siteId}\n${id}`).join(' ')]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { answer, rows: rows.state === 'ready' ? rows.value : [], retry };
}
