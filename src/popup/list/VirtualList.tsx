/**
 * A list that renders only the rows in (and near) view, for thousands of comments. Rows have an
 * estimated height until they are measured; a row that changes height above the visible part moves
 * the scroll position with it, so what the user reads stays where it is.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

export interface RowSlot {
  index: number;
  /** where the row starts (px): its outer element is translated there */
  offset: number;
  /** measures the row: put it on the same element (stable across renders) */
  measure: (element: HTMLElement | null) => void;
}

/**
 * What every row of the queue's treegrid carries on its outer element: its place (translated to its
 * offset) and its measuring, roving focus (the active row is the one in the tab order), and a click
 * on the row — not on one of its controls — that makes it the active row.
 */
export function rowProps({ index, offset, measure }: RowSlot, active: boolean, focusRow: (index: number) => void) {
  return {
    role: 'row' as const,
    'data-row-index': index,
    'aria-rowindex': index + 1,
    tabIndex: active ? 0 : -1,
    style: { transform: `translateY(${offset}px)` },
    ref: measure,
    onFocus: (event: FocusEvent) => {
      if (event.target === event.currentTarget) focusRow(index);
    },
    onClick: (event: MouseEvent) => {
      if (!(event.target as Element).closest('button, a, input, textarea, label')) focusRow(index);
    },
  };
}

interface Props<T> {
  rows: readonly T[];
  keyOf: (row: T) => string;
  estimate: number;
  /** the row that must be in view (keyboard focus) */
  activeIndex: number;
  renderRow: (row: T, slot: RowSlot) => ComponentChildren;
  /** extra pixels rendered above and below the view */
  overscan?: number;
  containerProps?: Record<string, unknown>;
  className?: string;
}

function firstAtOrAfter(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid + 1] ?? 0) <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function VirtualList<T>({
  rows,
  keyOf,
  estimate,
  activeIndex,
  renderRow,
  overscan = 400,
  containerProps,
  className,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState({ top: 0, height: 600 });
  // The same, current at once: read instead of the element's scrollTop/clientHeight, which would
  // force a layout in every render that moved rows (a decision on each key).
  const viewRef = useRef(view);
  const showView = useCallback((next: { top: number; height: number }) => {
    viewRef.current = next;
    setView(next);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `measured` counts measurements of `heights`, a ref the hook cannot see change
  const offsets = useMemo(() => {
    const result = new Float64Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as T;
      result[i + 1] = (result[i] ?? 0) + (heights.current.get(keyOf(row)) ?? estimate);
    }
    return result;
  }, [rows, measured, estimate, keyOf]);
  const total = offsets[rows.length] ?? 0;

  // Measuring: one observer for every rendered row; changes are applied in one update.
  const offsetsRef = useRef(offsets);
  offsetsRef.current = offsets;
  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            let shiftAbove = 0;
            const top = scroller.current?.scrollTop ?? 0;
            for (const entry of entries) {
              const element = entry.target as HTMLElement;
              const key = element.dataset.rowKey;
              if (key === undefined || !element.isConnected) continue;
              // The size the observer measured at layout (whole pixels, as offsetHeight): reading
              // offsetHeight here would lay the page out again when an earlier callback of this
              // frame changed it.
              const measured = entry.borderBoxSize?.[0]?.blockSize;
              const height = measured === undefined ? element.offsetHeight : Math.round(measured);
              const before = heights.current.get(key) ?? estimate;
              if (height === 0 || height === before) continue;
              heights.current.set(key, height);
              changed = true;
              const index = Number(element.dataset.rowIndex);
              if ((offsetsRef.current[index] ?? 0) < top) shiftAbove += height - before;
            }
            if (!changed) return;
            if (shiftAbove !== 0 && scroller.current) scroller.current.scrollTop += shiftAbove;
            setMeasured((count) => count + 1);
          }),
    [estimate],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);
  const observed = useRef(new Set<HTMLElement>());
  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !observer || observed.current.has(element)) return;
      observer.observe(element);
      observed.current.add(element);
    },
    [observer],
  );
  // Rows scrolled away are no longer measured.
  useLayoutEffect(() => {
    for (const element of observed.current) {
      if (element.isConnected) continue;
      observer?.unobserve(element);
      observed.current.delete(element);
    }
  });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const update = () => showView({ top: element.scrollTop, height: element.clientHeight || 600 });
    update();
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(element);
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      resize?.disconnect();
      element.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [showView]);

  // Keep the active row in view.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || activeIndex < 0 || activeIndex >= rows.length) return;
    const top = offsets[activeIndex] ?? 0;
    const bottom = offsets[activeIndex + 1] ?? top;
    const { top: current, height } = viewRef.current;
    let next = current;
    if (top < next) next = top;
    else if (bottom > next + height) next = Math.min(top, bottom - height);
    if (next !== current) {
      element.scrollTop = next;
      showView({ top: next, height });
    }
  }, [activeIndex, offsets, rows.length, showView]);

  // The first frame renders only what is in view (the popup's first rows sooner); the rows around
  // it follow once that frame is painted. (A frame callback alone runs before that paint: the rows
  // around would be rendered, laid out and painted in the first frame after all.)
  const [warm, setWarm] = useState(false);
  useEffect(() => {
    if (typeof requestAnimationFrame === 'undefined') {
      setWarm(true);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setWarm(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const margin = warm ? overscan : 0;
  const start = rows.length === 0 ? 0 : firstAtOrAfter(offsets, Math.max(0, view.top - margin));
  let end = start;
  const limit = view.top + view.height + margin;
  while (end < rows.length && (offsets[end] ?? 0) < limit) end++;
  // The active row is always rendered, so it can hold the focus.
  const indexes: number[] = [];
  if (activeIndex >= 0 && activeIndex < start) indexes.push(activeIndex);
  for (let i = start; i < end; i++) indexes.push(i);
  if (activeIndex >= end && activeIndex < rows.length) indexes.push(activeIndex);

  return (
    <div ref={scroller} class={className} {...containerProps}>
      <div class="virtual-space" style={{ height: `${total}px` }}>
        {indexes.map((index) => {
          const row = rows[index] as T;
          return renderRow(row, { index, offset: offsets[index] ?? 0, measure });
        })}
      </div>
    </div>
  );
}
