/** Only a real user's event may act: a page script can synthesize events, it cannot make them trusted. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
