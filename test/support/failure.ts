/** The WpError a promise rejects with (the test fails if it resolves). */
import type { WpError } from '../../src/shared/wp/errors.ts';

export async function failure(promise: Promise<unknown>): Promise<WpError> {
  return promise.then(
    () => {
      throw new Error('expected a failure, but it succeeded');
    },
    (error: WpError) => error,
  );
}
