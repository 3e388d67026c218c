/**
 * When each card of the view renders (ADR 033): a card rendered before, or the one the keyboard or
 * an editor is on, at once (a cheap diff); a new one in the page's idle time (in any order), hidden
 * until every new card has rendered — then all show together: content landing in a shown card made
 * the browser lay the whole thread out again in every frame a slice landed in.
 */
import type { Layout } from './cards.ts';
import { showHost } from './hosts.ts';
import { browserIdle, IdleQueue } from './idle-chunks.ts';
import type { InlineViewOptions } from './view-context.ts';

type Entry = Layout['here'][number];

export class CardSchedule {
  private readonly queue: IdleQueue<Element>;
  private readonly rendered = new WeakSet<Element>();
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
        this.unrevealed.delete(host);
        showHost(host, shown);
        this.drawNow(entry);
      } else {
        this.unrevealed.set(host, shown);
        showHost(host, false);
        fresh.push(entry);
      }
    }
    this.queue.setAll(fresh.map((entry) => [entry.host.host, () => this.drawNow(entry)] as const));
    if (fresh.length === 0) {
      this.reveal();
      this.done(false);
    }
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
    for (const [host, shown] of this.unrevealed) showHost(host, shown);
    this.unrevealed.clear();
  }
}
