/** Idle time handed out by the test: each `idle(room)` runs the next waiting slice with time for `room` deadline checks. */
import type { SliceDeadline } from '../../src/content/inline/idle-chunks.ts';

export function handIdle() {
  const waiting: ((deadline: SliceDeadline) => void)[] = [];
  const requestIdle = (slice: (deadline: SliceDeadline) => void) => {
    waiting.push(slice);
    return () => {
      const at = waiting.indexOf(slice);
      if (at >= 0) waiting.splice(at, 1);
    };
  };
  /** runs the next slice, with time for `room` checks of the deadline */
  const idle = (room: number) => {
    let left = room;
    waiting.shift()?.({ timeRemaining: () => (left-- > 0 ? 1 : 0) });
  };
  return { requestIdle, idle, waiting };
}
