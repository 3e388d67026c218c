// @vitest-environment jsdom
/**
 * A part of the popup in a chunk of its own: rendered with its props once loaded, at once the next
 * time; a chunk that cannot load (the extension updated under the open popup) says so where the
 * part would be — the reply box once opened into nothing.
 */
import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyComponent } from '../../../src/popup/lazy-component.tsx';

function Part({ name }: { name: string }) {
  return <p>Part for {name}</p>;
}
const loadPart = vi.fn(() => Promise.resolve(Part));
afterEach(() => vi.restoreAllMocks());

const loadBroken = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

describe('a part loaded on first use', () => {
  it('renders with its props once loaded, and the next time at once without loading again', async () => {
    const first = render(<LazyComponent load={loadPart} props={{ name: 'Mara' }} />);
    await waitFor(() => expect(first.container.textContent).toBe('Part for Mara'));
    first.unmount();
    const again = render(<LazyComponent load={loadPart} props={{ name: 'Jonas' }} />);
    expect(again.container.textContent).toBe('Part for Jonas');
    expect(loadPart).toHaveBeenCalledTimes(1);
  });

  it('says that it could not be loaded, with the browser’s reason, where it would be', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<LazyComponent load={loadBroken} props={{ name: 'Mara' }} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be loaded (Failed to fetch dynamically imported module)');
    expect(alert.textContent).toContain('open it again');
  });
});
