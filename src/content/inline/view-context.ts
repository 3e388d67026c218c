/**
 * What the parts of one inline view share (view.ts: lifecycle; page-watch.ts: observers;
 * view-render.ts: rendering; view-actions.ts: actions; keyboard.ts: keys): its options, its UI
 * state, its hosts, and how to render and reload. Everything hangs on `options.signal`.
 */
import type { InlineComment, InlineState } from '../../shared/inline-protocol.ts';
import type { DraftKind } from '../../shared/moderation.ts';
import type { InlineApi } from './api.ts';
import type { Cards } from './cards.ts';
import type { Host, HostSet } from './hosts.ts';
import type { RequestIdle } from './idle-chunks.ts';
import type { PageComment, PageThread } from './types.ts';

export interface InlineViewOptions {
  doc: Document;
  thread: PageThread;
  api: InlineApi;
  signal: AbortSignal;
  /** the detector, run on subtrees the page adds later */
  findComments: (root: ParentNode) => PageComment[];
  now?: () => number;
  openUrl?: (url: string) => void;
  /** whether this script's extension is still there (default: handover.ts's `extensionAlive`) */
  alive?: () => boolean;
  /** when new cards render (default: the page's idle time, idle-chunks.ts's `browserIdle`) */
  idle?: RequestIdle;
}

/** What the user switched and opened, and what the background last said. */
export interface ViewModel {
  state: InlineState | null;
  /** "with pending comments" (false: the article as readers see it) */
  withPending: boolean;
  showSpam: boolean;
  reactionsOpen: boolean;
  editing: { commentId: number; kind: DraftKind } | null;
  /** the comment the keyboard is on */
  currentId: number | null;
  /** the comment whose permanent delete the keyboard asked for: its toolbar asks first, as a click does */
  confirmDeleteId: number | null;
  /** outbox ids of the decisions made on this page, newest last (z takes them back) */
  decided: number[];
  /** the comments decided on this page: shown whatever their status until the page is left */
  decidedHere: Set<number>;
  error: string | null;
  /** the extension was updated or reloaded under the page: the view only says "reload the page" */
  extensionGone: boolean;
  /** commenter details asked for, by comment id */
  details: Map<number, string>;
  /** the comment whose "block this commenter" form is open */
  blocking?: number | null;
}

export function initialModel(): ViewModel {
  return {
    state: null,
    withPending: true,
    showSpam: false,
    reactionsOpen: false,
    editing: null,
    currentId: null,
    confirmDeleteId: null,
    decided: [],
    decidedHere: new Set(),
    error: null,
    extensionGone: false,
    details: new Map(),
  };
}

/** A toolbar on one of the theme's comments. */
export interface MountedToolbar {
  host: Host;
  comment: PageComment;
}

export interface ViewContext {
  readonly options: InlineViewOptions;
  readonly model: ViewModel;
  readonly hosts: HostSet;
  readonly cards: Cards;
  /** toolbars mounted so far, by the theme's comment element */
  readonly toolbars: Map<Element, MountedToolbar>;
  readonly now: () => number;
  readonly startedAt: number;
  /** renders everything from the model; nothing once the view is aborted */
  render(): void;
  /** asks the background for the state again, then renders */
  refresh(): Promise<void>;
  /** the extension went away under the page: observers stop, the view says "reload the page" */
  extensionGone(): void;
}

export function cachedComment(model: ViewModel, id: number): InlineComment | undefined {
  return model.state?.comments.find((comment) => comment.id === id);
}

/** A theme's comment's status: the cache's, or what the page shows. */
export function statusOf(model: ViewModel, comment: PageComment): string {
  const cached = comment.id === null ? undefined : cachedComment(model, comment.id);
  return cached?.status ?? (comment.pending ? 'hold' : 'approved');
}
