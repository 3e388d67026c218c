// @vitest-environment jsdom
/**
 * A cell: what changes it renders only the components that show it. Tried: a change, the same value
 * again (nothing renders), a change made between a render and its subscription, unmounting.
 */
import { act, render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { type Cell, createCell, useCell } from '../../../src/shared/ui/cell.ts';

describe('a cell', () => {
  it('tells its listeners of a change, not of the same value again, and no longer once unsubscribed', () => {
    const cell = createCell(1);
    let told = 0;
    const unsubscribe = cell.subscribe(() => {
      told += 1;
    });
    cell.set(2);
    cell.set((current) => current + 1);
    expect(cell.get()).toBe(3);
    cell.set(3);
    expect(told).toBe(2);
    unsubscribe();
    cell.set(4);
    expect(told).toBe(2);
  });

  it('renders the component that shows it, and not its parent', async () => {
    const cell = createCell('first');
    const renders = { parent: 0, child: 0 };
    function Shows({ value }: { value: Cell<string> }) {
      renders.child += 1;
      return <p>{useCell(value)}</p>;
    }
    function Parent() {
      renders.parent += 1;
      return <Shows value={cell} />;
    }
    const { container, unmount } = render(<Parent />);
    expect(container.textContent).toBe('first');
    await act(() => cell.set('second'));
    expect(container.textContent).toBe('second');
    expect(renders).toEqual({ parent: 1, child: 2 });
    await act(() => cell.set('second'));
    expect(renders.child).toBe(2);
    unmount();
    cell.set('third');
  });

  it('shows a change made after its render but before it subscribed', async () => {
    const cell = createCell(0);
    function Shows() {
      const value = useCell(cell);
      // Changed during the first render, as a sibling's render could: the subscription sees it.
      if (value === 0) cell.set(1);
      return <p>{value}</p>;
    }
    const { container } = render(<Shows />);
    await act(() => undefined);
    expect(container.textContent).toBe('1');
  });
});
