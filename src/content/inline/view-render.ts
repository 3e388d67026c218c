/**
 * Renders the inline view from its model: the summary bar, a toolbar on each mounted theme's
 * comment (what was decided shown at once: spam and trash dimmed), a card for each comment the
 * theme does not show, the reactions panel, and a ticker while a decision waits.
 */
import { h, render } from 'preact';
import type { InlineComment, InlineState } from '../../shared/inline-protocol.ts';
import { roughText } from '../../shared/rough-text.ts';
import { BlockMatch } from '../../shared/ui/BlockMatch.tsx';
import type { ActionName } from './actions.ts';
import { LazyBlockPanel } from './block/LazyBlockPanel.tsx';
import { Card } from './Card.tsx';
import { CardSchedule } from './card-schedule.ts';
import type { Layout } from './cards.ts';
import { safeHref } from './comment-pages.ts';
import { Dimmer } from './dimmer.ts';
import { Editor } from './Editor.tsx';
import type { ElsewhereEntry } from './home.ts';
import type { Host } from './hosts.ts';
import { summarySlot } from './placement.ts';
import { LazyReactionsPanel } from './reactions-part/LazyReactionsPanel.tsx';
import { GoneNote, goneWords, SummaryBar } from './SummaryBar.tsx';
import { StatusBadge, Toolbar } from './Toolbar.tsx';
import type { ViewActions } from './view-actions.ts';
import { cachedComment, statusOf, type ViewContext } from './view-context.ts';

export class ViewRenderer {
  private summary: Host | null = null;
  private reactions: Host | null = null;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private readonly dimmer = new Dimmer();
  /** what the view says once the extension is gone, read while it is there */
  private readonly gone = goneWords();
  private readonly cardSchedule: CardSchedule;

  constructor(
    private readonly ctx: ViewContext,
    private readonly actions: ViewActions,
  ) {
    this.cardSchedule = new CardSchedule(
      ctx.options,
      (entry) => this.renderCard(entry),
      (idle) => this.cardsDone(idle),
    );
  }

  /** Puts the summary bar's host in place (before the thread), if the page has a place for it. */
  start(): void {
    const slot = summarySlot(this.ctx.options.thread);
    if (slot) {
      this.summary = this.ctx.hosts.create('summary');
      slot.parent.insertBefore(this.summary.host, slot.before);
    }
  }

  /** The page as it was: ticker stopped, dimmed comments restored (the hosts go with the HostSet). */
  stop(): void {
    this.cardSchedule.clear();
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.dimmer.restoreAll();
  }

  render(): void {
    const { ctx } = this;
    const state = ctx.model.state;
    if (!state || ctx.options.signal.aborted) return;
    const { model, cards } = ctx;
    if (model.extensionGone) {
      this.renderGone(state);
      return;
    }
    const now = ctx.now();
    // Where the comments the theme does not show go: here (their cards placed), or another page.
    const layout = cards.layout(state.comments, model.showSpam);
    // The cards first: a summary bar or toolbar that shows for the first time shows with new cards.
    this.cardSchedule.update(
      layout.here.map((entry) => {
        const { comment } = entry;
        const shown = comment.status !== 'spam' || model.showSpam || model.decidedHere.has(comment.id);
        const urgent = comment.id === model.currentId || comment.id === model.editing?.commentId;
        return { entry, shown: model.withPending && shown, urgent };
      }),
    );
    this.renderSummary(state, layout.elsewhere);
    // Page comments: toolbars, and what was decided about them shown at once.
    for (const { host, comment } of ctx.toolbars.values()) {
      const status = statusOf(model, comment);
      const cached = comment.id === null ? undefined : cachedComment(model, comment.id);
      this.dimmer.set(comment.element, model.withPending && (status === 'spam' || status === 'trash'));
      this.cardSchedule.showWith(host.host, model.withPending);
      render(this.controls(comment.id ?? 0, comment.author, status, cached, state, now), host.mount);
    }
    this.renderReactions(state);
    const waiting = state.comments.some((comment) => comment.decision?.state === 'waiting');
    if (waiting && this.ticker === undefined) this.ticker = setInterval(() => ctx.render(), 1000);
    if (!waiting && this.ticker !== undefined) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  /** One card, with the state as it is when it renders (a newer render replaces a queued one). */
  private renderCard({ comment, host, replyTo }: Layout['here'][number]): void {
    const { ctx } = this;
    const state = ctx.model.state;
    if (!state || ctx.options.signal.aborted || ctx.model.extensionGone || !host.host.isConnected) return;
    render(
      h(
        Card,
        { comment, replyTo, pageUrl: ctx.cards.pageUrl },
        this.controls(comment.id, comment.authorName, comment.status, comment, state, ctx.now()),
      ),
      host.mount,
    );
  }

  /** Every card is there: a pending comment's permalink is scrolled to (shown as current once found). */
  private cardsDone(idle: boolean): void {
    const linked = this.ctx.cards.scrollToLinked(this.ctx.now() - this.ctx.startedAt);
    if (linked === null) return;
    this.ctx.model.currentId = linked;
    if (idle) this.ctx.render();
  }

  private controls(
    id: number,
    author: string,
    status: string,
    cached: InlineComment | undefined,
    state: InlineState,
    now: number,
  ) {
    const { model } = this.ctx;
    const { actions } = this;
    const editing = model.editing?.commentId === id ? model.editing : null;
    const blocking = state.blocking;
    const blockOffered = state.canModerate && blocking !== undefined && blocking.availability !== 'not-offered';
    const closeBlock = () => {
      model.blocking = null;
      this.ctx.render();
    };
    const initial = editing
      ? (cached?.drafts[editing.kind] ??
        (editing.kind === 'edit' ? (cached?.contentRaw ?? roughText(cached?.contentHtml ?? '')) : ''))
      : '';
    return h('div', null, [
      h(Toolbar, {
        author,
        status,
        canModerate: state.canModerate,
        decision: cached?.decision ?? null,
        now,
        current: model.currentId === id,
        details: model.details.get(id) ?? null,
        akismet: cached?.akismet,
        onAction: (action: ActionName) => void actions.act(id, action),
        onUndo: (outboxId: number) => void actions.undo(outboxId),
        askDelete: model.confirmDeleteId === id,
        onAskDone: () => {
          model.confirmDeleteId = null;
          this.ctx.render();
        },
        onBlock: blockOffered
          ? () => {
              model.blocking = model.blocking === id ? null : id;
              this.ctx.render();
            }
          : undefined,
      }),
      h(BlockMatch, { match: cached?.blocklistMatch ?? null }),
      blockOffered &&
        model.blocking === id &&
        h(LazyBlockPanel, {
          key: `block-${id}`,
          commentId: id,
          availability: blocking.availability,
          installUrl: blocking.installUrl,
          api: this.ctx.options.api,
          onClose: closeBlock,
        }),
      editing &&
        h(Editor, {
          key: `${id}-${editing.kind}`,
          kind: editing.kind,
          initial,
          offerApprove: editing.kind === 'reply' && status === 'hold',
          saveDraft: (content: string) => actions.saveDraft(id, editing.kind, content),
          onSubmit: (content: string, approve: boolean) => void actions.submit(id, editing.kind, content, approve),
          onCancel: () => actions.closeEditor(),
        }),
    ]);
  }

  /**
   * The extension went away under the page (an update or reload): no button can work any more.
   * The summary bar says so, with a reload; the toolbars go; cards keep their comment and status, no buttons.
   */
  private renderGone(state: InlineState): void {
    const { ctx } = this;
    this.cardSchedule.clear();
    for (const { host } of ctx.toolbars.values()) render(null, host.mount);
    for (const { comment, host, replyTo } of ctx.cards.layout(state.comments, ctx.model.showSpam).here) {
      render(
        h(
          Card,
          { comment, replyTo, pageUrl: ctx.cards.pageUrl },
          h('div', { class: 'toolbar' }, [
            h(StatusBadge, { status: comment.status }),
            this.summary ? null : h(GoneNote, { words: this.gone }),
          ]),
        ),
        host.mount,
      );
    }
    if (this.reactions) render(null, this.reactions.mount);
    if (this.summary) render(h(GoneNote, { words: this.gone }), this.summary.mount);
  }

  private renderSummary(state: InlineState, elsewhere: ElsewhereEntry[]): void {
    if (!this.summary) return;
    const { ctx } = this;
    const { model } = ctx;
    // Nothing to moderate here (an author on someone else's article): no bar either.
    this.cardSchedule.showWith(this.summary.host, state.canModerate);
    // The article's pings, on every comment page: the cached ones and those this page shows, or
    // WordPress's count of the approved ones where the cache holds fewer.
    const totals = state.approvedTotals;
    const pings = new Set<number | string>();
    for (const comment of state.comments) {
      const ping = comment.type === 'pingback' || comment.type === 'trackback';
      if (ping && !(totals && comment.status === 'approved')) pings.add(comment.id);
    }
    for (const [index, comment] of ctx.options.thread.comments.entries()) {
      if (comment.type !== 'comment' && !totals) pings.add(comment.id ?? `page-${index}`);
    }
    render(
      h(SummaryBar, {
        pending: state.comments.filter((comment) => comment.status === 'hold').length,
        spam: state.comments.filter((comment) => comment.status === 'spam').length,
        pings: pings.size + (totals?.pings ?? 0),
        elsewhere: elsewhere.map((entry) => ({ ...entry, link: safeHref(entry.link, ctx.cards.pageUrl) })),
        withPending: model.withPending,
        showSpam: model.showSpam,
        reactionsOpen: model.reactionsOpen,
        error: model.error,
        onToggleView: () => {
          model.withPending = !model.withPending;
          ctx.render();
        },
        onToggleSpam: () => {
          model.showSpam = !model.showSpam;
          void ctx.refresh();
        },
        onToggleReactions: () => {
          model.reactionsOpen = !model.reactionsOpen;
          ctx.render();
        },
      }),
      this.summary.mount,
    );
  }

  private renderReactions(state: InlineState): void {
    const { ctx } = this;
    if (!ctx.model.reactionsOpen) {
      if (this.reactions) render(null, this.reactions.mount);
      return;
    }
    if (!this.reactions && this.summary) {
      this.reactions = ctx.hosts.create('reactions');
      this.summary.host.after(this.reactions.host);
    }
    if (!this.reactions) return;
    render(
      h(LazyReactionsPanel, {
        comments: state.comments,
        pageComments: ctx.options.thread.comments,
        approvedTotals: state.approvedTotals,
        onClose: () => {
          ctx.model.reactionsOpen = false;
          ctx.render();
        },
      }),
      this.reactions.mount,
    );
  }
}
