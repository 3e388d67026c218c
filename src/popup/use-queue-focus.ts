/**
 * Where the keyboard's focus is in the popup: on the queue (kept on the active row when the row
 * under it goes away or the list re-renders) or in the search field.
 */
import { useCallback, useLayoutEffect, useRef } from 'preact/hooks';

export function useQueueFocus(activeIndex: number) {
  const listFocused = useRef(false);
  const listElement = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (!listFocused.current || activeIndex < 0) return;
    const current = document.activeElement;
    const row = listElement.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (row && current !== row && (current === document.body || current === null || current.matches('[role="row"]')))
      row.focus({ preventScroll: true });
  });
  const focusList = useCallback(() => {
    listFocused.current = true;
  }, []);
  const focusSearch = useCallback(() => {
    listFocused.current = false;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);
  /** Leaving the filters by keyboard: the queue takes the keys again. */
  const leaveFilters = useCallback(() => {
    listFocused.current = true;
    (document.activeElement as HTMLElement | null)?.blur();
  }, []);
  return { listElement, searchRef, focusList, focusSearch, leaveFilters };
}
