/** What a screen reader hears after an action (and only that: the toast is not a live region). */
import { type Cell, useCell } from '../../shared/ui/cell.ts';
import { pure } from '../../shared/ui/pure.ts';

function AnnouncerView({ announcement }: { announcement: Cell<{ text: string; id: number }> }) {
  const { text, id } = useCell(announcement);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcement={id}>
      {text}
      {/* the same words twice in a row must still be spoken: change the content a little */}
      {id % 2 === 1 ? '\u00a0' : ''}
    </div>
  );
}

export const Announcer = pure(AnnouncerView);
