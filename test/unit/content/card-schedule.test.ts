// @vitest-environment jsdom
/**
 * When the inline view's cards render (ADR 033): new cards in the page's idle time, staged (laid out,
 * invisible, taking no room) until the last one has drawn and then shown together, with the summary
 * bar and toolbars that show for the first time meanwhile; a card drawn before, or the one the
 * keyboard or an editor is on, at once; `clear` shows what waited. Run with idle time handed out by hand (as a
 * busy page gives it) and with no idle callbacks at all (slices at once: done once, not per card).
 */
import { describe, expect, it } from 'vitest';
import { CardSchedule } from '../../../src/content/inline/card-schedule.ts';
import type { Layout } from '../../../src/content/inline/cards.ts';
import { isShown } from '../../../src/content/inline/hosts.ts';
import { atOnce, type RequestIdle } from '../../../src/content/inline/idle-chunks.ts';
import { handIdle } from '../../support/hand-idle.ts';

type Entry = Layout['here'][number];

function setup(idle: RequestIdle) {
  const drawn: number[] = [];
  const done: boolean[] = [];
  const entries = [1, 2, 3].map((id) => {
    const host = document.createElement('div');
    document.body.append(host);
    return { comment: { id }, host: { host, mount: host }, replyTo: null } as unknown as Entry;
  });
  const schedule = new CardSchedule(
    { doc: document, idle },
    (entry) => drawn.push(entry.comment.id),
    (fromIdle) => done.push(fromIdle),
  );
  const cards = (urgent: number | null = null) =>
    entries.map((entry) => ({ entry, shown: true, urgent: entry.comment.id === urgent }));
  const shown = () => entries.map((entry) => isShown(entry.host.host));
  return { schedule, cards, drawn, done, shown, entries };
}

describe('card schedule', () => {
  it('draws new cards in idle slices, keeps them hidden until the last, then shows them together', () => {
    const { requestIdle, idle } = handIdle();
    const { schedule, cards, drawn, done, shown } = setup(requestIdle);
    schedule.update(cards());
    expect(drawn).toEqual([]);
    expect(shown()).toEqual([false, false, false]);
    idle(0);
    expect(drawn).toEqual([1]);
    expect(shown()).toEqual([false, false, false]);
    idle(5);
    expect(drawn).toEqual([1, 2, 3]);
    expect(shown()).toEqual([true, true, true]);
    expect(done).toEqual([true]);

    // Drawn before: the next render draws them at once (a cheap diff), nothing waits for idle time.
    schedule.update(cards());
    expect(drawn).toEqual([1, 2, 3, 1, 2, 3]);
    expect(done).toEqual([true, false]);
  });

  it('stages a new card while it waits: laid out where it stands, invisible, taking no room, counters untouched', () => {
    const { requestIdle, idle } = handIdle();
    const { schedule, cards, entries } = setup(requestIdle);
    schedule.update(cards());
    const style = (entries[0] as Entry).host.host.style;
    // In the layout (not display: none), so its style and layout happen as it draws, not when all show.
    expect(style.getPropertyValue('display')).toBe('block');
    expect(style.getPropertyValue('visibility')).toBe('hidden');
    // Size containment takes no room; no style containment (`strict`, `content`, `style`): it scopes
    // counters, and changing it made the browser count every list item of a 1,000-comment page again.
    expect(style.getPropertyValue('contain')).toBe('size layout paint');
    expect(style.getPropertyValue('margin-top')).toBe('0px');
    expect(style.getPropertyValue('padding-bottom')).toBe('0px');
    idle(5);
    // Shown: its own style back, layout containment kept (taking it away would lay its inside out anew).
    expect(style.getPropertyValue('visibility')).toBe('');
    expect(style.getPropertyValue('margin-top')).toBe('');
    expect(style.getPropertyValue('contain')).toBe('layout');
  });

  it("gives a staged host with `all: initial` its own values back, so the page's CSS stays out", () => {
    const { requestIdle, idle } = handIdle();
    const { schedule, cards, entries } = setup(requestIdle);
    const style = (entries[1] as Entry).host.host.style;
    style.setProperty('all', 'initial', 'important');
    style.setProperty('visibility', 'initial', 'important');
    style.setProperty('margin-top', 'initial', 'important');
    schedule.update(cards());
    expect(style.getPropertyValue('visibility')).toBe('hidden');
    idle(5);
    expect(style.getPropertyValue('visibility')).toBe('initial');
    expect(style.getPropertyPriority('visibility')).toBe('important');
    expect(style.getPropertyValue('margin-top')).toBe('initial');
  });

  it('shows a summary bar or toolbar that never showed with the new cards, once, and one that showed at once', () => {
    const { requestIdle, idle } = handIdle();
    const { schedule, cards, shown } = setup(requestIdle);
    const bar = document.createElement('div');
    const toolbar = document.createElement('div');
    document.body.append(bar, toolbar);
    // Nothing waits: at once.
    schedule.showWith(toolbar, true);
    expect(isShown(toolbar)).toBe(true);
    schedule.update(cards());
    schedule.showWith(bar, true);
    schedule.showWith(toolbar, true);
    // Hidden, not staged: a staged host's containment would keep margins from collapsing through it.
    expect(bar.style.getPropertyValue('display')).toBe('none');
    expect(bar.style.getPropertyValue('visibility')).toBe('');
    expect(isShown(toolbar)).toBe(true);
    schedule.showWith(toolbar, false);
    expect(isShown(toolbar)).toBe(false);
    idle(5);
    expect([...shown(), isShown(bar)]).toEqual([true, true, true, true]);
    // Shown once: later renders show or hide it at once, even while new cards wait.
    schedule.update(cards().map((card) => ({ ...card, entry: { ...card.entry, host: { ...card.entry.host } } })));
    schedule.showWith(bar, false);
    expect(isShown(bar)).toBe(false);
  });

  it('draws the card the keyboard or an editor is on at once, and shows it', () => {
    const { requestIdle } = handIdle();
    const { schedule, cards, drawn, shown } = setup(requestIdle);
    schedule.update(cards(2));
    expect(drawn).toEqual([2]);
    expect(shown()).toEqual([false, true, false]);
  });

  it('shows what waited when the view stops, and draws nothing later', () => {
    const { requestIdle, idle, waiting } = handIdle();
    const { schedule, cards, drawn, shown } = setup(requestIdle);
    schedule.update(cards());
    schedule.clear();
    expect(shown()).toEqual([true, true, true]);
    expect(waiting).toHaveLength(0);
    idle(5);
    expect(drawn).toEqual([]);
  });

  it('without idle callbacks draws every new card at once and is done once, not after each card', () => {
    const { schedule, cards, drawn, done, shown } = setup(atOnce);
    schedule.update(cards());
    expect(drawn).toEqual([1, 2, 3]);
    expect(shown()).toEqual([true, true, true]);
    expect(done).toEqual([true]);
  });
});
