/**
 * The keyboard, on by default: letters work wherever the focus is except in a text field; the
 * arrows, Enter and Space only on the queue itself (elsewhere they belong to buttons, tabs, selects).
 */
import { useEffect } from 'preact/hooks';
import { type Command, commandFor } from './keymap.ts';

const textField = 'input:not([type="checkbox"]), textarea, select, [contenteditable="true"]';
const navigationKeys = new Set(['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' ']);

export function useShortcuts(execute: (command: Command) => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(textField)) return;
      if (target?.closest('[role="dialog"]')) return;
      const onQueue = target === null || target === document.body || target.matches('[role="row"], [role="treegrid"]');
      if (navigationKeys.has(event.key) && !onQueue) return;
      const command = commandFor(event);
      if (!command) return;
      event.preventDefault();
      execute(command);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [execute, enabled]);
}
