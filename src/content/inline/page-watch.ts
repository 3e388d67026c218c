/**
 * The inline view's observers: toolbars mounted on the theme's comments as they come near the
 * viewport (a 1,000-comment page mounts a handful), and comments the page adds later (load more)
 * found by the detector. Both stop with the view's signal.
 */
import { hostAttribute } from './hosts.ts';
import { toolbarSlot } from './placement.ts';
import type { PageComment } from './types.ts';
import type { ViewContext } from './view-context.ts';

export class PageWatch {
  private intersection: IntersectionObserver | null = null;
  private mutations: MutationObserver | null = null;

  constructor(private readonly ctx: ViewContext) {}

  private get pageComments(): PageComment[] {
    return this.ctx.options.thread.comments;
  }

  start(): void {
    const { doc, signal } = this.ctx.options;
    this.watchViewport();
    this.mutations = new MutationObserver((records) => this.onMutations(records));
    this.mutations.observe(doc.body, { childList: true, subtree: true });
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  stop(): void {
    this.mutations?.disconnect();
    this.intersection?.disconnect();
  }

  /** Mounts the toolbar of a theme's comment (once); true when it was mounted now. */
  mountToolbar(comment: PageComment): boolean {
    const { toolbars, hosts, options } = this.ctx;
    if (comment.id === null || toolbars.has(comment.element) || options.signal.aborted) return false;
    const host = hosts.create('toolbar');
    const slot = toolbarSlot(comment.element);
    slot.parent.insertBefore(host.host, slot.before);
    toolbars.set(comment.element, { host, comment });
    return true;
  }

  private watchViewport(): void {
    const view = this.ctx.options.doc.defaultView;
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
        if (mounted) this.ctx.render();
      },
      { rootMargin: '800px 0px' },
    );
    for (const comment of this.pageComments) this.intersection.observe(comment.element);
  }

  private onMutations(records: MutationRecord[]): void {
    const added: PageComment[] = [];
    const known = new Set(this.pageComments.map((comment) => comment.element));
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.hasAttribute(hostAttribute) || element.closest(`[${hostAttribute}]`)) continue;
        for (const comment of this.ctx.options.findComments(element)) {
          if (known.has(comment.element)) continue;
          known.add(comment.element);
          added.push(comment);
        }
      }
    }
    if (added.length === 0) return;
    this.pageComments.push(...added);
    this.ctx.cards.pageChanged();
    for (const comment of added) {
      if (this.intersection) this.intersection.observe(comment.element);
      else this.mountToolbar(comment);
    }
    this.ctx.render();
  }
}
