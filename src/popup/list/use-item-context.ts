/**
 * What a row shows beyond the comment itself: who it answers, what was decided about its author
 * before (here, and — for moderators — what WordPress said about their address's approved comments).
 *
 * Read again when one of the rows it read changes, at most once a second while they keep changing:
 * a moderator deciding key after key about a flood from one address changes that address's
 * reputation with every key, and every row in view shows it (a live query read each row's three
 * rows again per key: 7,000 reads of IndexedDB for 200 keys, and every row rendered again).
 */
import type { IndexableType } from 'dexie';
import { useMemo } from 'preact/hooks';
import { historyEmail } from '../../shared/commenter-history.ts';
import { type ChangeNotice, touchesRows } from '../../shared/db/change-notice.ts';
import type { CommenterHistoryRow, CommentRow, FreigabeDb, ReputationRow } from '../../shared/db/index.ts';
import { useThrottledQuery } from '../../shared/ui/use-throttled-query.ts';
import { reputationKeys } from './reputation.ts';

export interface ItemContext {
  parentAuthor: string | null;
  reputation: { kind: 'email' | 'host' | 'ip'; row: ReputationRow }[];
  /** WordPress's last answer about the author's address (null: none cached, or no address) */
  history: CommenterHistoryRow | null;
}

/** At most this often while what a row read keeps changing (the first change is read at once). */
export const itemContextEveryMs = 1000;

export function useItemContext(db: FreigabeDb, comment: CommentRow): ItemContext | null {
  // Parsing the author's URL for its host on every render of every row costs more than the row.
  const keys = useMemo(() => reputationKeys(comment), [comment]);
  const email = historyEmail(comment);
  const { siteId, parent } = comment;
  const reputationRows = keys.map(({ key }) => [siteId, key] as [string, string]);
  const changed = (notice: ChangeNotice) =>
    touchesRows(notice, db.name, 'reputation', reputationRows) ||
    touchesRows(notice, db.name, 'comments', parent > 0 ? [[siteId, parent] as IndexableType] : []) ||
    touchesRows(notice, db.name, 'commenterHistory', email !== null ? [[siteId, email] as IndexableType] : []);
  return useThrottledQuery(
    db,
    changed,
    async () => {
      const [rows, parentRow, history] = await Promise.all([
        db.reputation.bulkGet(reputationRows),
        parent > 0 ? db.comments.get([siteId, parent]) : Promise.resolve(undefined),
        email !== null ? db.commenterHistory.get([siteId, email]) : Promise.resolve(undefined),
      ]);
      return {
        parentAuthor: parent > 0 ? (parentRow?.authorName ?? null) : null,
        reputation: keys.flatMap(({ kind }, index) => {
          const row = rows[index];
          return row ? [{ kind, row }] : [];
        }),
        history: history ?? null,
      };
    },
    itemContextEveryMs,
    [siteId, comment.id, parent, email, keys.map(({ key }) => key).join(' ')],
  );
}
