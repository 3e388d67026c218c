/**
 * Saving what the user types as a draft, for every editor (popup and inline view): a moment after
 * the last key press, and at once when the box closes or the page goes. A save that fails is
 * reported, never swallowed: the editor says so and keeps the text; the next key press saves again,
 * and so does closing the box. No Preact, no browser API: `send` is the way to the background.
 */

/** after the last key press, before the draft is saved */
export const draftDelayMs = 300;

export type DraftSaveStatus =
  | { state: 'idle' }
  /** the last save failed: `content` is not saved */
  | { state: 'failed'; error: unknown; content: string };

export interface DraftSaverOptions {
  /** saves the draft (empty text: deletes it); rejects when it was not saved */
  send(content: string): Promise<unknown>;
  /** the outcome of the latest save (older saves answering late are ignored) */
  onStatus(status: DraftSaveStatus): void;
  delayMs?: number;
}

export interface DraftSaver {
  /** the text as it is now: saved after a moment without typing */
  save(content: string): void;
  /** saves now what is not saved yet (also what failed before); true when nothing is left unsaved */
  flush(): Promise<boolean>;
  /** forgets what is not saved (the text was sent: the draft goes with it) */
  cancel(): void;
}

export function createDraftSaver({ send, onStatus, delayMs = draftDelayMs }: DraftSaverOptions): DraftSaver {
  /** typed and not saved yet (a failed save puts its text back here unless newer text came) */
  let unsaved: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** the number of the latest save: only its outcome is reported */
  let latest = 0;
  let failed = false;

  const report = (status: DraftSaveStatus) => {
    failed = status.state === 'failed';
    onStatus(status);
  };

  const flush = async (): Promise<boolean> => {
    clearTimeout(timer);
    timer = undefined;
    const content = unsaved;
    if (content === null) return !failed;
    unsaved = null;
    latest += 1;
    const attempt = latest;
    try {
      await send(content);
      if (attempt === latest && failed) report({ state: 'idle' });
      return true;
    } catch (error) {
      // A newer save carries newer text; after cancel() nothing is to be kept.
      if (attempt === latest) {
        unsaved ??= content;
        report({ state: 'failed', error, content });
      }
      return false;
    }
  };

  return {
    save(content) {
      unsaved = content;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      unsaved = null;
      latest += 1;
      if (failed) report({ state: 'idle' });
    },
  };
}
