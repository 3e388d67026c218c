/** An error meant for the user: its code and message travel back to the page that asked. */
export class ReplyError extends Error {
  override readonly name = 'ReplyError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
