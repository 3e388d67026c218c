/**
 * At most `size` pieces of work at a time, the rest in line (first come, first served). For
 * requests the user did not ask for one by one, such as the commenter-history look-ups: a long
 * queue must never become a burst against someone's blog.
 */
export interface Limiter {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createLimiter(size: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];

  function acquire(): Promise<void> {
    if (running < size) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(): void {
    // The slot passes straight to the next in line, so nobody can slip in between.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
