/** What the popup's state means for the rows on screen: pure reads, shared by commands and components. */
import type { DraftRow } from '../../shared/db/index.ts';
import { type DisplayRow, keysOf } from '../queue/rows.ts';
import { draftKey } from '../reply/draft-key.ts';
import type { EditorState, UiState } from './ui-state.ts';

/** The focused row's index: the row with the focused key where it is now, else the same place; -1 for no rows. */
export function activeIndexOf(active: UiState['active'], rows: readonly DisplayRow[]): number {
  if (rows.length === 0) return -1;
  if (active.key !== null) {
    if (rows[active.index]?.key === active.key) return active.index;
    const found = rows.findIndex((row) => row.key === active.key);
    if (found >= 0) return found;
  }
  return Math.min(active.index, rows.length - 1);
}

/**
 * The row a key acts on: the focused one, or — when it was just decided about and is not re-rendered
 * yet — the next one still shown.
 */
export function focusedRowOf(
  rows: readonly DisplayRow[],
  activeIndex: number,
  isHidden: (key: string) => boolean,
): DisplayRow | undefined {
  for (let index = Math.max(0, activeIndex); index < rows.length; index++) {
    const row = rows[index];
    if (row && !keysOf(row).every(isHidden)) return row;
  }
  return undefined;
}

/** A comment's open box: opened here, else its saved draft's unless closed here. */
export function editorFor(
  editors: UiState['editors'],
  drafts: ReadonlyMap<string, DraftRow>,
  key: string,
): EditorState | null {
  const open = editors.opened.get(key);
  if (open) return open;
  if (editors.closed.has(key)) return null;
  if (drafts.has(draftKey(key, 'reply'))) return { kind: 'reply', approve: false, focus: false };
  if (drafts.has(draftKey(key, 'edit'))) return { kind: 'edit', approve: false, focus: false };
  return null;
}

/** The comments with a draft, to bring the first into view when the popup opens. */
export function draftCommentKeys(drafts: ReadonlyMap<string, DraftRow>): ReadonlySet<string> {
  return new Set([...drafts.values()].map((draft) => `${draft.siteId}\n${draft.commentId}`));
}
