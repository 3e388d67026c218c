/**
 * What happens once when the queue is first on screen: the marks `bench:popup` reads (first rows,
 * whole view loaded), and a draft left when the popup was closed brought into view.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { DraftRow } from '../shared/db/index.ts';
import type { DisplayRow } from './queue/rows.ts';
import { draftCommentKeys } from './state/selectors.ts';
import type { UiAction } from './state/ui-state.ts';

export function useFirstScreen(
  rows: readonly DisplayRow[],
  queueState: string,
  drafts: { rows: ReadonlyMap<string, DraftRow>; ready: boolean },
  dispatch: (action: UiAction) => void,
): void {
  const marked = useRef({ rows: false, ready: false });
  useEffect(() => {
    if (!marked.current.rows && rows.length > 0) {
      marked.current.rows = true;
      performance.mark('freigabe:first-rows');
    }
    if (!marked.current.ready && queueState === 'ready') {
      marked.current.ready = true;
      performance.mark('freigabe:queue-ready');
    }
  }, [rows, queueState]);

  const draftShown = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when queue and drafts are first ready; later rows or drafts must not move the focus
  useEffect(() => {
    if (draftShown.current || queueState !== 'ready' || !drafts.ready) return;
    draftShown.current = true;
    const withDraft = draftCommentKeys(drafts.rows);
    const index = rows.findIndex((row) => withDraft.has(row.key));
    if (index >= 0) dispatch({ type: 'setActive', key: rows[index]?.key ?? null, index });
  }, [queueState, drafts.ready]);
}
