// @vitest-environment jsdom
/**
 * When the inline view's cards render (ADR 033): new cards in the page's idle time, hidden until the
 * last one has drawn and then shown together; a card drawn before, or the one the keyboard or an
 * editor is on, at once; `clear` shows what waited. Run with idle time handed out by hand (as a
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
  return { schedule, cards, drawn, done, shown };
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
