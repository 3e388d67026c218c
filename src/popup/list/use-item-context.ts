/**
 * What a row shows beyond the comment itself: who it answers, what was decided about its author
 * before (here, and — for moderators — what WordPress said about their address's approved comments).
 */
import { useMemo } from 'preact/hooks';
import { historyEmail } from '../../shared/commenter-history.ts';
import type { CommenterHistoryRow, CommentRow, FreigabeDb, ReputationRow } from '../../shared/db/index.ts';
import { useLiveQuery } from '../../shared/ui/use-live-query.ts';
import { reputationKeys } from './reputation.ts';

export interface ItemContext {
  parentAuthor: string | null;
  reputation: { kind: 'email' | 'host' | 'ip'; row: ReputationRow }[];
  /** WordPress's last answer about the author's address (null: none cached, or no address) */
  history: CommenterHistoryRow | null;
}

export function useItemContext(db: FreigabeDb, comment: CommentRow): ItemContext | null {
  // Parsing the author's URL for its host on every render of every row costs more than the row.
  const keys = useMemo(() => reputationKeys(comment), [comment]);
  const email = historyEmail(comment);
  const result = useLiveQuery(async () => {
    const [rows, parent, history] = await Promise.all([
      db.reputation.bulkGet(keys.map(({ key }) => [comment.siteId, key] as [string, string])),
      comment.parent > 0 ? db.comments.get([comment.siteId, comment.parent]) : Promise.resolve(undefined),
      email !== null ? db.commenterHistory.get([comment.siteId, email]) : Promise.resolve(undefined),
    ]);
    return {
      parentAuthor: comment.parent > 0 ? (parent?.authorName ?? null) : null,
      reputation: keys.flatMap(({ kind }, index) => {
        const row = rows[index];
        return row ? [{ kind, row }] : [];
      }),
      history: history ?? null,
    };
  }, [db, comment.siteId, comment.id, comment.parent, keys.map(({ key }) => key).join(' ')]);
  return result.state === 'ready' ? result.value : null;
}
