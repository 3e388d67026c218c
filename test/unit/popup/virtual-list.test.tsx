// @vitest-environment jsdom
/**
 * The virtual list's first frame renders only the rows in view (the popup's first rows paint
 * sooner); the rows around them, for scrolling, follow right after — and the active row is rendered
 * wherever it is.
 */
import { render, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { VirtualList } from '../../../src/popup/list/VirtualList.tsx';

const rows = Array.from({ length: 50 }, (_, index) => `row-${index}`);

/** Which rows each render drew (a render draws from its first row on, in order). */
function renders(calls: number[]): number[][] {
  const passes: number[][] = [];
  for (const index of calls) {
    const last = passes.at(-1);
    if (!last || index <= (last.at(-1) ?? -1)) passes.push([index]);
    else last.push(index);
  }
  return passes;
}

/** Renders the list; answers the index of every row drawn, in the order drawn. */
function drawn(activeIndex: number): number[] {
  const calls: number[] = [];
  render(
    <VirtualList
      rows={rows}
      keyOf={(row) => row}
      estimate={100}
      activeIndex={activeIndex}
      overscan={400}
      renderRow={(row, slot) => {
        calls.push(slot.index);
        return <div key={row}>{row}</div>;
      }}
    />,
  );
  return calls;
}

describe('the virtual list', () => {
  it('draws the rows in view first, then those around them', async () => {
    const calls = drawn(-1);
    // jsdom lays nothing out: the view is the list's 600 px fallback, 100 px a row.
    await waitFor(() => expect(renders(calls).at(-1)).toHaveLength(10));
    const [first] = renders(calls);
    expect(first).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('draws the active row in the first frame too, far below the view', () => {
    expect(renders(drawn(30))[0]).toContain(30);
  });
});
