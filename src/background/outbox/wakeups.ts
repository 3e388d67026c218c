/** Resolves `wait()` when something happened since the last wait (a send settled, a decision was made). */
export function wakeups() {
  let pending = false;
  let resolve: (() => void) | null = null;
  return {
    notify() {
      pending = true;
      resolve?.();
    },
    async wait(timeoutMs: number | null): Promise<void> {
      if (!pending) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await new Promise<void>((done) => {
          resolve = done;
          if (timeoutMs !== null) timer = setTimeout(done, Math.max(0, timeoutMs));
        });
        clearTimeout(timer);
        resolve = null;
      }
      pending = false;
    },
  };
}
