/**
 * The popup's own state — what the user chose on screen, as opposed to what the cache holds: the
 * filter, the focused row, the selection, open clusters, open reply/edit boxes, the delete
 * question, the help, the bulk-job sheet. Changed only by the pure `reduce`; commands (execute.ts) decide which
 * changes a key or click makes, components read it and dispatch.
 */
import type { StatusGroup } from '../actions/use-decisions.ts';
import type { JobSheetOpening } from '../jobs/scope.ts';
import { initialFilter, type QueueFilter } from '../queue/views.ts';

export interface EditorState {
  kind: 'reply' | 'edit';
  /** "approve and reply" is the main button (q) */
  approve: boolean;
  /** opened by a key or a click just now: the text box takes the focus */
  focus: boolean;
}

export interface UiState {
  filter: QueueFilter;
  /** the focused row: its key, and its index to fall back on when that row is gone */
  active: { key: string | null; index: number };
  /** comment keys */
  selected: ReadonlySet<string>;
  /** cluster keys */
  expanded: ReadonlySet<string>;
  /** reply and edit boxes opened here, and the ones closed here (a saved draft opens its box otherwise) */
  editors: { opened: ReadonlyMap<string, EditorState>; closed: ReadonlySet<string> };
  /** deleting permanently waits for this question */
  confirm: StatusGroup[] | null;
  help: boolean;
  /** the comment (key) whose author's history is open */
  history: string | null;
  /** the comment (key) whose commenter the block dialog is about (ADR 030) */
  block: string | null;
  /** the view "Unreplied" is shown instead of the queue */
  unreplied: boolean;
  /** "everything matching on the server": where the sheet was opened from (its own steps are jobs/sheet-state.ts) */
  jobSheet: JobSheetOpening | null;
}

export const initialUiState: UiState = {
  filter: initialFilter,
  active: { key: null, index: 0 },
  selected: new Set(),
  expanded: new Set(),
  editors: { opened: new Map(), closed: new Set() },
  confirm: null,
  help: false,
  history: null,
  block: null,
  unreplied: false,
  jobSheet: null,
};

export type UiAction =
  /** a filter or the view changed: the selection and the focus start over */
  | { type: 'changeFilter'; change: Partial<QueueFilter> }
  | { type: 'setActive'; key: string | null; index: number }
  /** the same focus again: the list renders and takes the focus back (leaving the filters with Esc) */
  | { type: 'refocus' }
  | { type: 'select'; keys: readonly string[] }
  /** selects them all, or unselects them when they all were */
  | { type: 'toggleSelected'; keys: readonly string[] }
  /** `open` left out: the other way round */
  | { type: 'toggleExpanded'; clusterKey: string; open?: boolean }
  | { type: 'openEditor'; key: string; editor: EditorState }
  | { type: 'closeEditor'; key: string }
  | { type: 'askConfirm'; groups: StatusGroup[] }
  | { type: 'closeConfirm' }
  | { type: 'setHelp'; open: boolean }
  | { type: 'toggleHelp' }
  /** a commenter's history, for the author of this comment (null: closed) */
  | { type: 'showHistory'; key: string | null }
  /** "block this commenter", for the author of this comment (null: closed) */
  | { type: 'showBlock'; key: string | null }
  | { type: 'showUnreplied'; open: boolean }
  | { type: 'openJobSheet'; opening: JobSheetOpening }
  | { type: 'closeJobSheet' };

const without = <T>(set: ReadonlySet<T>, item: T): ReadonlySet<T> => {
  if (!set.has(item)) return set;
  const next = new Set(set);
  next.delete(item);
  return next;
};

export function reduce(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'changeFilter':
      return {
        ...state,
        unreplied: false,
        filter: { ...state.filter, ...action.change },
        selected: new Set(),
        active: { key: null, index: 0 },
      };
    case 'setActive':
      return { ...state, active: { key: action.key, index: action.index } };
    case 'refocus':
      return { ...state, active: { ...state.active } };
    case 'select':
      return { ...state, selected: new Set(action.keys) };
    case 'toggleSelected': {
      const next = new Set(state.selected);
      const all = action.keys.every((key) => next.has(key));
      for (const key of action.keys) {
        if (all) next.delete(key);
        else next.add(key);
      }
      return { ...state, selected: next };
    }
    case 'toggleExpanded': {
      const next = new Set(state.expanded);
      const opening = action.open ?? !next.has(action.clusterKey);
      if (opening) next.add(action.clusterKey);
      else next.delete(action.clusterKey);
      return { ...state, expanded: next };
    }
    case 'openEditor':
      return {
        ...state,
        editors: {
          opened: new Map(state.editors.opened).set(action.key, action.editor),
          closed: without(state.editors.closed, action.key),
        },
      };
    case 'closeEditor': {
      const opened = new Map(state.editors.opened);
      opened.delete(action.key);
      return {
        ...state,
        editors: {
          opened: opened.size === state.editors.opened.size ? state.editors.opened : opened,
          closed: new Set(state.editors.closed).add(action.key),
        },
      };
    }
    case 'askConfirm':
      return { ...state, confirm: action.groups };
    case 'closeConfirm':
      return state.confirm === null ? state : { ...state, confirm: null };
    case 'setHelp':
      return state.help === action.open ? state : { ...state, help: action.open };
    case 'toggleHelp':
      return { ...state, help: !state.help };
    case 'showUnreplied':
      return state.unreplied === action.open ? state : { ...state, unreplied: action.open };
    case 'showBlock':
      return state.block === action.key ? state : { ...state, block: action.key };
    case 'showHistory':
      return state.history === action.key ? state : { ...state, history: action.key };
    case 'openJobSheet':
      return { ...state, jobSheet: action.opening };
    case 'closeJobSheet':
      return state.jobSheet === null ? state : { ...state, jobSheet: null };
  }
}
