/** What a screen reader hears after an action (and only that: the toast is not a live region). */
export function Announcer({ text, id }: { text: string; id: number }) {
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcement={id}>
      {text}
      {/* the same words twice in a row must still be spoken: change the content a little */}
      {id % 2 === 1 ? '\u00a0' : ''}
    </div>
  );
}
