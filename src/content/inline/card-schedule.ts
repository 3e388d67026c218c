/**
 * When each card of the view renders (ADR 033): a card rendered before, or the one the keyboard or
 * an editor is on, at once (a cheap diff); a new one in the page's idle time (in any order), staged
 * — laid out where it stands, taking no room — until every new card has rendered; then all show
 * together, with the other hosts that first show meanwhile (the summary bar, toolbars): on a long
 * thread every frame that moves the page costs the browser a walk over all of it, so the page moves
 * once.
 */
import type { Layout } from './cards.ts';
import { showHost, stageHost } from './hosts.ts';
import { browserIdle, IdleQueue } from './idle-chunks.ts';
import type { InlineViewOptions } from './view-context.ts';

type Entry = Layout['here'][number];

export class CardSchedule {
  private readonly queue: IdleQueue<Element>;
  private readonly rendered = new WeakSet<Element>();
  /** hosts that have shown once (through a reveal or at once): never staged again */
  private readonly shownOnce = new WeakSet<Element>();
  /** new cards' hosts, hidden, with whether each is to show once revealed */
  private readonly unrevealed = new Map<HTMLElement, boolean>();

  constructor(
    { doc, idle }: Pick<InlineViewOptions, 'doc' | 'idle'>,
    private readonly draw: (entry: Entry) => void,
    /** every card is rendered and shown (`idle`: after an idle slice, not within a render) */
    private readonly done: (idle: boolean) => void,
  ) {
    this.queue = new IdleQueue(idle ?? browserIdle(doc.defaultView as Window), () => {
      this.reveal();
      this.done(true);
    });
  }

  /** The cards of one render, each with whether it is to be shown and whether it cannot wait. */
  update(cards: readonly { entry: Entry; shown: boolean; urgent: boolean }[]): void {
    const fresh: Entry[] = [];
    for (const { entry, shown, urgent } of cards) {
      const { host } = entry.host;
      if (this.rendered.has(host) || urgent) {
        this.showNow(host, shown);
        this.drawNow(entry);
      } else {
        this.hold(host, shown);
        fresh.push(entry);
      }
    }
    this.queue.setAll(fresh.map((entry) => [entry.host.host, () => this.drawNow(entry)] as const));
    if (fresh.length === 0) {
      this.reveal();
      this.done(false);
    }
  }

  /**
   * Shows or hides another host of the view (the summary bar, a toolbar): one that never showed
   * waits, hidden, for the cards still to show, so that the page moves once. (Not staged: a staged
   * host's containment keeps the margins around it from collapsing through it — the summary bar
   * between the thread's heading and list would move the thread by itself.)
   */
  showWith(host: HTMLElement, shown: boolean): void {
    if (this.unrevealed.size > 0 && !this.shownOnce.has(host)) {
      this.unrevealed.set(host, shown);
      showHost(host, false);
    } else this.showNow(host, shown);
  }

  private showNow(host: HTMLElement, shown: boolean): void {
    this.unrevealed.delete(host);
    if (shown) this.shownOnce.add(host);
    showHost(host, shown);
  }

  private hold(host: HTMLElement, shown: boolean): void {
    this.unrevealed.set(host, shown);
    if (shown) stageHost(host);
    else showHost(host, false);
  }

  /** Draws a card; from then on it renders at once (a cheap diff). */
  private drawNow(entry: Entry): void {
    this.rendered.add(entry.host.host);
    this.draw(entry);
  }

  /** Nothing more is drawn later; the cards waiting to show, show (the view is gone or stopped). */
  clear(): void {
    this.queue.clear();
    this.reveal();
  }

  private reveal(): void {
    for (const [host, shown] of [...this.unrevealed]) this.showNow(host, shown);
  }
}
