/**
 * The inline view of one article: toolbars on the theme's comments (mounted lazily near the
 * viewport), the comments WordPress does not show (pending, spam on request) in place, the summary
 * bar, the reactions overview, and the page's keyboard. Everything hangs on one AbortSignal.
 */
import { h, render } from 'preact';
import { isolate } from '../../shared/bidi.ts';
import { t } from '../../shared/i18n.ts';
import type { InlineComment, InlineState } from '../../shared/inline-protocol.ts';
import type { DraftKind } from '../../shared/moderation.ts';
import { roughText } from '../../shared/rough-text.ts';
import type { ActionName } from './actions.ts';
import { decisionForKey } from './actions.ts';
import type { InlineApi } from './api.ts';
import { Card } from './Card.tsx';
import { Cards } from './cards.ts';
import { safeHref } from './comment-pages.ts';
import { Editor } from './Editor.tsx';
import type { ElsewhereEntry } from './home.ts';
import { createHost, type Host, hostAttribute, isShown, showHost } from './hosts.ts';
import { summarySlot, toolbarSlot } from './placement.ts';
import { ReactionsPanel } from './ReactionsPanel.tsx';
import { reactionsOf } from './reactions.ts';
import { SummaryBar } from './SummaryBar.tsx';
import { Toolbar } from './Toolbar.tsx';
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
}

const editable = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const keys = new Set(['j', 'k', 'a', 'u', 's', 'd', 'r', 'q', 'z', 'e']);

interface Mounted {
  host: Host;
  comment: PageComment;
}

export class InlineView {
  private state: InlineState | null = null;
  private withPending = true;
  private showSpam = false;
  private reactionsOpen = false;
  private summary: Host | null = null;
  private reactions: Host | null = null;
  private readonly toolbars = new Map<Element, Mounted>();
  private readonly cards: Cards;
  private readonly startedAt: number;
  private editing: { commentId: number; kind: DraftKind } | null = null;
  private currentId: number | null = null;
  private readonly decided: number[] = [];
  private readonly dimmed = new Map<Element, string>();
  private intersection: IntersectionObserver | null = null;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;
  private error: string | null = null;
  private readonly details = new Map<number, string>();

  constructor(private readonly options: InlineViewOptions) {
    this.now = options.now ?? (() => Date.now());
    this.startedAt = this.now();
    this.cards = new Cards(options.doc, options.thread);
  }

  get pageComments(): readonly PageComment[] {
    return this.options.thread.comments;
  }

  async start(): Promise<void> {
    const { doc, signal } = this.options;
    const slot = summarySlot(this.options.thread);
    if (slot) {
      this.summary = createHost(doc, 'summary');
      slot.parent.insertBefore(this.summary.host, slot.before);
    }
    this.watchViewport();
    doc.addEventListener('keydown', (event) => this.onKey(event), { signal });
    const mutations = new MutationObserver((records) => this.onMutations(records));
    mutations.observe(doc.body, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      mutations.disconnect();
      this.intersection?.disconnect();
      clearInterval(this.ticker);
      for (const [element, opacity] of this.dimmed) (element as HTMLElement).style.opacity = opacity;
    });
    await this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.state = await this.options.api.state(this.showSpam);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (!this.options.signal.aborted) this.render();
  }

  private fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
    this.render();
  }

  /** Toolbars only for comments near the viewport: a 1,000-comment page mounts a handful. */
  private watchViewport(): void {
    const view = this.options.doc.defaultView;
    if (!view || typeof view.IntersectionObserver !== 'function') {
      for (const comment of this.pageComments) this.mountToolbar(comment);
      return;
    }
    this.intersection = new view.IntersectionObserver(
      (entries) => {
        let mounted = false;
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const comment = this.pageComments.find((candidate) => candidate.element === entry.target);
          if (comment && this.mountToolbar(comment)) mounted = true;
          this.intersection?.unobserve(entry.target);
        }
        if (mounted) this.render();
      },
      { rootMargin: '800px 0px' },
    );
    for (const comment of this.pageComments) this.intersection.observe(comment.element);
  }

  private mountToolbar(comment: PageComment): boolean {
    if (comment.id === null || this.toolbars.has(comment.element)) return false;
    const host = createHost(this.options.doc, 'toolbar');
    const slot = toolbarSlot(comment.element);
    slot.parent.insertBefore(host.host, slot.before);
    this.toolbars.set(comment.element, { host, comment });
    return true;
  }

  private onMutations(records: MutationRecord[]): void {
    const added: PageComment[] = [];
    const known = new Set(this.pageComments.map((comment) => comment.element));
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.hasAttribute(hostAttribute) || element.closest(`[${hostAttribute}]`)) continue;
        for (const comment of this.options.findComments(element)) {
          if (known.has(comment.element)) continue;
          known.add(comment.element);
          added.push(comment);
        }
      }
    }
    if (added.length === 0) return;
    this.options.thread.comments.push(...added);
    this.cards.pageChanged();
    for (const comment of added) {
      if (this.intersection) this.intersection.observe(comment.element);
      else this.mountToolbar(comment);
    }
    this.render();
  }

  private statusOf(comment: PageComment): string {
    const cached = comment.id === null ? undefined : this.cached(comment.id);
    return cached?.status ?? (comment.pending ? 'hold' : 'approved');
  }

  private cached(id: number): InlineComment | undefined {
    return this.state?.comments.find((comment) => comment.id === id);
  }

  private render(): void {
    const state = this.state;
    if (!state) return;
    const now = this.now();
    // Where the comments the theme does not show go: here (their cards placed), or another page.
    const layout = this.cards.layout(state.comments, this.showSpam);
    this.renderSummary(state, layout.elsewhere);
    // Page comments: toolbars, and what was decided about them shown at once.
    for (const { host, comment } of this.toolbars.values()) {
      const status = this.statusOf(comment);
      const cached = comment.id === null ? undefined : this.cached(comment.id);
      this.dim(comment.element, this.withPending && (status === 'spam' || status === 'trash'));
      showHost(host.host, this.withPending);
      render(this.controls(comment.id ?? 0, comment.author, status, cached, state, now), host.mount);
    }
    for (const { comment, host, replyTo } of layout.here) {
      showHost(host.host, this.withPending && (comment.status !== 'spam' || this.showSpam));
      render(
        h(
          Card,
          { comment, replyTo, pageUrl: this.cards.pageUrl },
          this.controls(comment.id, comment.authorName, comment.status, comment, state, now),
        ),
        host.mount,
      );
    }
    const linked = this.cards.scrollToLinked(this.now() - this.startedAt);
    if (linked !== null) this.currentId = linked;
    this.renderReactions(state);
    const waiting = state.comments.some((comment) => comment.decision?.state === 'waiting');
    if (waiting && this.ticker === undefined) this.ticker = setInterval(() => this.render(), 1000);
    if (!waiting && this.ticker !== undefined) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  private controls(
    id: number,
    author: string,
    status: string,
    cached: InlineComment | undefined,
    state: InlineState,
    now: number,
  ) {
    const editing = this.editing?.commentId === id ? this.editing : null;
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
        current: this.currentId === id,
        details: this.details.get(id) ?? null,
        onAction: (action: ActionName) => void this.act(id, action),
        onUndo: (outboxId: number) => void this.undo(outboxId),
      }),
      editing &&
        h(Editor, {
          key: `${id}-${editing.kind}`,
          kind: editing.kind,
          initial,
          offerApprove: editing.kind === 'reply' && status === 'hold',
          onDraft: (content: string) => void this.options.api.saveDraft(id, editing.kind, content).catch(() => {}),
          onSubmit: (content: string, approve: boolean) => void this.submit(id, editing.kind, content, approve),
          onCancel: () => {
            this.editing = null;
            this.render();
          },
        }),
    ]);
  }

  private renderSummary(state: InlineState, elsewhere: ElsewhereEntry[]): void {
    if (!this.summary) return;
    // Nothing to moderate here (an author on someone else's article): no bar either.
    showHost(this.summary.host, state.canModerate);
    // The article's pings, on every comment page: the cached ones and those this page shows, or
    // WordPress's count of the approved ones where the cache holds fewer.
    const totals = state.approvedTotals;
    const pings = new Set<number | string>();
    for (const comment of state.comments) {
      const ping = comment.type === 'pingback' || comment.type === 'trackback';
      if (ping && !(totals && comment.status === 'approved')) pings.add(comment.id);
    }
    for (const [index, comment] of this.pageComments.entries()) {
      if (comment.type !== 'comment' && !totals) pings.add(comment.id ?? `page-${index}`);
    }
    render(
      h(SummaryBar, {
        pending: state.comments.filter((comment) => comment.status === 'hold').length,
        spam: state.comments.filter((comment) => comment.status === 'spam').length,
        pings: pings.size + (totals?.pings ?? 0),
        elsewhere: elsewhere.map((entry) => ({ ...entry, link: safeHref(entry.link, this.cards.pageUrl) })),
        withPending: this.withPending,
        showSpam: this.showSpam,
        reactionsOpen: this.reactionsOpen,
        error: this.error,
        onToggleView: () => {
          this.withPending = !this.withPending;
          this.render();
        },
        onToggleSpam: () => {
          this.showSpam = !this.showSpam;
          void this.refresh();
        },
        onToggleReactions: () => {
          this.reactionsOpen = !this.reactionsOpen;
          this.render();
        },
      }),
      this.summary.mount,
    );
  }

  private renderReactions(state: InlineState): void {
    if (!this.reactionsOpen) {
      if (this.reactions) render(null, this.reactions.mount);
      return;
    }
    if (!this.reactions && this.summary) {
      this.reactions = createHost(this.options.doc, 'reactions');
      this.summary.host.after(this.reactions.host);
    }
    if (!this.reactions) return;
    render(
      h(ReactionsPanel, {
        reactions: reactionsOf(state.comments, this.pageComments, state.approvedTotals),
        onClose: () => {
          this.reactionsOpen = false;
          this.render();
        },
      }),
      this.reactions.mount,
    );
  }

  private dim(element: Element, dimmed: boolean): void {
    const style = (element as HTMLElement).style;
    if (!style) return;
    if (dimmed && !this.dimmed.has(element)) {
      this.dimmed.set(element, style.opacity);
      style.opacity = '0.45';
    } else if (!dimmed && this.dimmed.has(element)) {
      style.opacity = this.dimmed.get(element) ?? '';
      this.dimmed.delete(element);
    }
  }

  private async act(id: number, action: ActionName): Promise<void> {
    const state = this.state;
    if (!state) return;
    if (action === 'openAdmin') {
      const url = `${state.adminUrl}comment.php?action=editcomment&c=${id}`;
      (this.options.openUrl ?? ((target) => window.open(target, '_blank', 'noopener')))(url);
      return;
    }
    if (action === 'details') {
      await this.showDetails(id);
      return;
    }
    if (action === 'reply' || action === 'approveAndReply' || action === 'edit') {
      this.editing = { commentId: id, kind: action === 'edit' ? 'edit' : 'reply' };
      this.render();
      return;
    }
    await this.send([id], action);
  }

  private async showDetails(id: number): Promise<void> {
    if (this.details.delete(id)) {
      this.render();
      return;
    }
    try {
      const { email, ip, url } = await this.options.api.commenterDetails(id);
      const parts = [email, ip, url].filter((part): part is string => Boolean(part));
      this.details.set(id, parts.length > 0 ? parts.map(isolate).join(' · ') : t('inlineDetailsNone'));
      this.render();
    } catch (error) {
      this.fail(error);
    }
  }

  private async submit(id: number, kind: DraftKind, content: string, approve: boolean): Promise<void> {
    const decision = kind === 'edit' ? 'edit' : approve ? 'approveAndReply' : 'reply';
    if (await this.send([id], decision, content)) this.editing = null;
    this.render();
  }

  private async send(ids: number[], decision: Parameters<InlineApi['decide']>[1], content?: string) {
    try {
      const { outboxIds } = await this.options.api.decide(ids, decision, content);
      this.error = null;
      this.decided.push(...outboxIds);
      await this.refresh();
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  private async undo(outboxId: number): Promise<void> {
    try {
      await this.options.api.undo(outboxId);
      await this.refresh();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Comments the keyboard moves through, in document order: the theme's and our cards. */
  private items(): { id: number; element: Element }[] {
    const items: { id: number; element: Element }[] = [];
    for (const comment of this.pageComments)
      if (comment.id !== null) items.push({ id: comment.id, element: comment.element });
    for (const [id, card] of this.cards.entries()) if (isShown(card.host)) items.push({ id, element: card.host });
    items.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return items;
  }

  private onKey(event: KeyboardEvent): void {
    if (!event.isTrusted || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (!this.withPending || !this.state || !keys.has(event.key)) return;
    // While a reply or edit is open, keys are text: "Danke" must never approve (a) or trash (d).
    if (this.editing) return;
    const target = event.target as Element | null;
    if (target?.closest?.(editable) || (target as HTMLElement | null)?.isContentEditable) return;
    if (event.key === 'z') {
      const last = this.decided.pop();
      if (last === undefined) return;
      event.preventDefault();
      void this.undo(last);
      return;
    }
    if (event.key === 'j' || event.key === 'k') {
      const items = this.items();
      if (items.length === 0) return;
      const at = items.findIndex((item) => item.id === this.currentId);
      const next = event.key === 'j' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1);
      const item = items[at === -1 ? 0 : next];
      if (!item) return;
      event.preventDefault();
      this.currentId = item.id;
      const comment = this.pageComments.find((candidate) => candidate.element === item.element);
      if (comment) this.mountToolbar(comment);
      item.element.scrollIntoView({ block: 'center' });
      this.render();
      return;
    }
    const id = this.currentId;
    if (id === null) return;
    const onPage = this.pageComments.find((comment) => comment.id === id);
    const status = onPage ? this.statusOf(onPage) : (this.cached(id)?.status ?? 'hold');
    if (!this.state.canModerate) return;
    const action: ActionName | null =
      event.key === 'r' ? 'reply' : event.key === 'q' ? 'approveAndReply' : decisionForKey(event.key, status);
    if (!action) return;
    event.preventDefault();
    void this.act(id, action);
  }
}
