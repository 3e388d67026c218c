/**
 * What every row of the queue needs from the app, without passing it through each component. Only
 * values that change rarely: a new context renders every row in view (ADR 036). What changes while
 * a moderator decides key after key (a row's open decisions) goes to the rows as props.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DraftRow, FreigabeDb, OutboxRow, PostRow, SiteRow } from '../shared/db/index.ts';
import type { StatusAction, TextDecision } from '../shared/moderation.ts';
import type { HistoryAsker } from './queue/history-asker.ts';
import type { ViewName } from './queue/views.ts';
import type { EditorState } from './state/ui-state.ts';

export interface QueueCommands {
  act(keys: readonly string[], action: StatusAction): void;
  focusRow(index: number): void;
  toggleSelected(keys: readonly string[]): void;
  toggleExpanded(clusterKey: string): void;
  openEditor(key: string, editor: EditorState): void;
  closeEditor(key: string): void;
  submitText(key: string, decision: TextDecision, content: string): Promise<void>;
  openComment(key: string, where: 'page' | 'admin'): void;
  undoRows(outboxIds: readonly number[], keys: readonly string[]): void;
  retryRow(outboxId: number): void;
  dismissRow(row: OutboxRow): void;
  /** opens the history of this comment's author */
  showHistory(key: string): void;
  /** opens "block this commenter" for this comment's author */
  showBlock(key: string): void;
  /** all like this cluster on the server, as a job */
  clusterJob(clusterKey: string): void;
}

export interface QueueContextValue {
  db: FreigabeDb;
  view: ViewName;
  sites: ReadonlyMap<string, SiteRow>;
  /** by postKey() */
  posts: ReadonlyMap<string, PostRow>;
  /** by `${commentKey}\n${kind}` */
  drafts: ReadonlyMap<string, DraftRow>;
  selected: ReadonlySet<string>;
  editors: (key: string) => EditorState | null;
  commands: QueueCommands;
  /** asks the background to confirm commenters' histories with WordPress, batched, once per address */
  askHistory: HistoryAsker;
}

export const QueueContext = createContext<QueueContextValue | null>(null);

export function useQueueContext(): QueueContextValue {
  const value = useContext(QueueContext);
  if (!value) throw new Error('QueueContext missing');
  return value;
}
