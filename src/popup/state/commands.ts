/**
 * What the user can ask for in the queue — by key (keymap.ts) or by a click on a row — and what
 * carrying it out needs done outside the state (effects): as data, so `execute` stays pure.
 */
import type { CommentRow, OutboxRow, PostRow, SiteRow } from '../../shared/db/index.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import type { TextDecision } from '../../shared/moderation.ts';
import type { StatusAction } from '../actions/decisions.ts';
import type { StatusGroup } from '../actions/use-decisions.ts';
import type { Command } from '../keyboard/keymap.ts';
import type { DisplayRow } from '../queue/rows.ts';
import type { ViewName } from '../queue/views.ts';
import type { EditorState } from './ui-state.ts';

export type { TextDecision } from '../../shared/moderation.ts';

/** A key's command, or a click on a row's control. */
export type PopupCommand =
  | Command
  | { kind: 'actOn'; keys: readonly string[]; action: StatusAction }
  | { kind: 'focusRow'; index: number }
  | { kind: 'toggleSelected'; keys: readonly string[] }
  | { kind: 'toggleExpanded'; clusterKey: string }
  | { kind: 'openEditor'; key: string; editor: EditorState }
  | { kind: 'closeEditor'; key: string }
  | { kind: 'submitText'; key: string; decision: TextDecision; content: string }
  | { kind: 'openComment'; key: string; where: 'page' | 'admin' }
  | { kind: 'undoRows'; outboxIds: readonly number[]; keys: readonly string[] }
  | { kind: 'retryRow'; outboxId: number }
  | { kind: 'dismissRow'; row: OutboxRow }
  /** z found nothing to undo: in Spam and Trash it restores the focused comment (as in wp-admin) */
  | { kind: 'restoreFocused' }
  | { kind: 'confirmDelete' }
  | { kind: 'cancelDelete' }
  /** all like this cluster on the server (its pattern as a search) */
  | { kind: 'clusterJob'; clusterKey: string }
  /** "Empty spam" / "Empty trash" */
  | { kind: 'emptyView' };

export type Effect =
  /** `view`: the view whose statuses stay listed after the decision (null: none do) */
  | { type: 'decideStatus'; groups: StatusGroup[]; view: ViewName | null }
  /** `leaves`: the comment leaves the view; when sent, the box closes (a refusal goes back to the box) */
  | { type: 'decideText'; key: string; decision: TextDecision; content: string; leaves: boolean }
  | { type: 'announce'; message: MessageKey; substitutions?: string[] }
  | { type: 'focusList' }
  | { type: 'focusSearch' }
  | { type: 'openComment'; comment: CommentRow; site: SiteRow; where: 'page' | 'admin' }
  /** then, when there was nothing to undo: `restoreFocused` */
  | { type: 'undoLast' }
  | { type: 'undoRows'; outboxIds: readonly number[]; keys: readonly string[] }
  | { type: 'retry'; outboxId: number }
  /** a failed decision dismissed: a reply's or edit's text goes back to being a draft */
  | { type: 'dismiss'; row: OutboxRow };

/** What the commands read besides the popup's own state: the queue as it is on screen now. */
export interface QueueNow {
  rows: readonly DisplayRow[];
  /** the comments matching the filters, by comment key */
  byKey: ReadonlyMap<string, CommentRow>;
  matching: readonly CommentRow[];
  sites: ReadonlyMap<string, SiteRow>;
  /** by postKey() */
  posts: ReadonlyMap<string, PostRow>;
  /** decided about and leaving the view, known before the next render */
  isHidden: (key: string) => boolean;
}
