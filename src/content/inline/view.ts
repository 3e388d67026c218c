/**
 * The inline view of one article, and its lifetime: toolbars on the theme's comments, the comments
 * WordPress does not show (pending, spam on request) in place, the summary bar, the reactions
 * overview and the page's keyboard (page-watch.ts, view-render.ts, view-actions.ts, keyboard.ts).
 * Everything hangs on one AbortSignal: on abort the observers and listeners stop, nothing renders
 * any more, and every host is unmounted before it is removed (an open editor saves its draft).
 * When the extension is updated or reloaded under the page, the view stops quietly and says so
 * ("reload the page") instead of offering buttons that can no longer work.
 */
import type { DraftKind } from '../../shared/moderation.ts';
import { Cards } from './cards.ts';
import { extensionAlive } from './handover.ts';
import { HostSet } from './hosts.ts';
import { listenToKeys } from './keyboard.ts';
import { PageWatch } from './page-watch.ts';
import type { PageComment } from './types.ts';
import { ViewActions } from './view-actions.ts';
import { type InlineViewOptions, initialModel, type ViewContext } from './view-context.ts';
import { ViewRenderer } from './view-render.ts';

export type { InlineViewOptions } from './view-context.ts';

export class InlineView {
  private readonly ctx: ViewContext;
  private readonly actions: ViewActions;
  private readonly renderer: ViewRenderer;
  private readonly watch: PageWatch;

  constructor(options: InlineViewOptions) {
    const now = options.now ?? (() => Date.now());
    const hosts = new HostSet(options.doc);
    this.ctx = {
      options,
      model: initialModel(),
      hosts,
      cards: new Cards(options.doc, options.thread, hosts),
      toolbars: new Map(),
      now,
      startedAt: now(),
      render: () => this.renderer.render(),
      refresh: () => this.refresh(),
      extensionGone: () => this.extensionGone(),
    };
    this.actions = new ViewActions(this.ctx);
    this.renderer = new ViewRenderer(this.ctx, this.actions);
    this.watch = new PageWatch(this.ctx);
  }

  get pageComments(): readonly PageComment[] {
    return this.ctx.options.thread.comments;
  }

  async start(): Promise<void> {
    const { signal } = this.ctx.options;
    if (signal.aborted) return;
    this.renderer.start();
    this.watch.start();
    listenToKeys(this.ctx, this.actions, this.watch);
    signal.addEventListener('abort', () => this.tearDown(), { once: true });
    // Back to the tab after an update: the note is there before the user reaches for a button.
    const { doc } = this.ctx.options;
    const alive = this.ctx.options.alive ?? extensionAlive;
    const check = () => {
      if (!alive()) this.extensionGone();
    };
    doc.addEventListener('visibilitychange', check, { signal });
    doc.defaultView?.addEventListener('focus', check, { signal });
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const { api, signal } = this.ctx.options;
    let state: Awaited<ReturnType<typeof api.state>>;
    try {
      state = await api.state(this.ctx.model.showSpam, [...this.ctx.model.decidedHere]);
    } catch (error) {
      this.actions.fail(error, 'state');
      return;
    }
    if (signal.aborted) return;
    this.ctx.model.state = state;
    this.ctx.render();
  }

  /** Opens the reply or edit box of a comment (what its toolbar's Reply and Edit do). */
  openEditor(commentId: number, kind: DraftKind): void {
    this.actions.openEditor(commentId, kind);
  }

  /** The extension went away under the page: nothing works any more but the note says why. */
  extensionGone(): void {
    if (this.ctx.model.extensionGone) return;
    this.ctx.model.extensionGone = true;
    this.watch.stop();
    this.renderer.stop();
    this.ctx.render();
  }

  private tearDown(): void {
    this.renderer.stop();
    // Unmounted before removed: Preact runs every cleanup (the editor saves the last keystrokes).
    this.ctx.hosts.destroyAll();
    this.ctx.toolbars.clear();
  }
}
