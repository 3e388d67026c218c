/**
 * What every popup component test file does around its tests: a fresh harness before each, and
 * after each the DOM cleaned up (after Preact's after-paint effects ran) and the database deleted;
 * plus finding a comment's row once it is rendered.
 */
import { cleanup, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { type PopupHarness, popupHarness } from './popup-harness.ts';

/** Registers the hooks; the harness of the running test is `current()`. */
export function popupHarnessPerTest(): { current: () => PopupHarness } {
  let harness: PopupHarness | null = null;
  beforeEach(async () => {
    harness = await popupHarness();
  });
  afterEach(async () => {
    cleanup();
    // Let effects Preact scheduled after the last paint (rAF with a 100 ms fallback) run while the
    // DOM still exists: after the file ends, they would find no document.
    await new Promise((resolve) => setTimeout(resolve, 120));
    await harness?.ctx.db.delete();
  });
  return {
    current: () => {
      if (!harness) throw new Error('no popup harness outside a test');
      return harness;
    },
  };
}

/** The queue row of a comment, waited for. */
export const rowOf = (id: number) =>
  waitFor(() => {
    const row = document.querySelector<HTMLElement>(`.queue [role="row"][data-comment-id="${id}"]`);
    if (!row) throw new Error(`no row for ${id}`);
    return row;
  });
