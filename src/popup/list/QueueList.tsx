/** The queue as a virtualized treegrid: comments and clusters as rows, cluster members one level down. */
import type { Ref } from 'preact';
import { useCallback } from 'preact/hooks';
import type { OutboxRow } from '../../shared/db/index.ts';
import { pure } from '../../shared/ui/pure.ts';
import type { DisplayRow } from '../queue/rows.ts';
import { ClusterRow } from './ClusterRow.tsx';
import { CommentItem } from './CommentItem.tsx';
import { type RowSlot, VirtualList } from './VirtualList.tsx';

interface Props {
  id: string;
  rows: readonly DisplayRow[];
  /** open decisions by comment key (arrays kept while they read the same: outbox-by-comment.ts) */
  outbox: ReadonlyMap<string, readonly OutboxRow[]>;
  activeIndex: number;
  /** comments matching the filters (a cluster counts all its members) */
  total: number;
  label: string;
  showSite: boolean;
  listRef: Ref<HTMLDivElement>;
  onFocusIn: () => void;
}

/** A comment row's height before it is measured (clamped content, one line of meta). */
export const estimatedRowHeight = 118;
const keyOf = (row: DisplayRow) => row.key;

function QueueListView({ id, rows, outbox, activeIndex, total, label, showSite, listRef, onFocusIn }: Props) {
  const renderRow = useCallback(
    (row: DisplayRow, slot: RowSlot) =>
      row.kind === 'cluster' ? (
        <ClusterRow
          key={row.key}
          cluster={row.cluster}
          comments={row.comments}
          expanded={row.expanded}
          index={slot.index}
          offset={slot.offset}
          measure={slot.measure}
          active={slot.index === activeIndex}
        />
      ) : (
        <CommentItem
          key={row.key}
          comment={row.comment}
          outboxRows={outbox.get(row.key)}
          index={slot.index}
          offset={slot.offset}
          measure={slot.measure}
          level={row.cluster ? 2 : 1}
          clusterSize={row.cluster?.members.length ?? 0}
          active={slot.index === activeIndex}
          showSite={showSite}
        />
      ),
    [activeIndex, showSite, outbox],
  );
  return (
    <div class="queue-frame" ref={listRef} onFocusCapture={onFocusIn}>
      <VirtualList
        rows={rows}
        keyOf={keyOf}
        estimate={estimatedRowHeight}
        activeIndex={activeIndex}
        renderRow={renderRow}
        className="queue"
        containerProps={{
          id,
          role: 'treegrid',
          'aria-label': label,
          'aria-rowcount': rows.length,
          'aria-multiselectable': true,
          'data-count': total,
        }}
      />
    </div>
  );
}

export const QueueList = pure(QueueListView);
