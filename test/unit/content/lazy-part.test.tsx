// @vitest-environment jsdom
/**
 * The box a part kept out of the inline view's file renders into (the block form, the reactions
 * overview; ADR 030): the part's file asked for once, the part mounted when it is there and given
 * the latest props on every render, a failed load said in the user's words, the part unmounted
 * with the box. Also: the reactions part's own mount renders the overview from the raw inputs.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { h, render as preactRender } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyPart, type MountPart } from '../../../src/content/inline/LazyPart.tsx';

afterEach(cleanup);

function fakePart() {
  const shown: string[] = [];
  let unmounted = 0;
  const mount: MountPart<{ label: string }> = (container, { label }) => {
    preactRender(h('p', { class: 'part' }, label), container);
    shown.push(label);
    return () => {
      unmounted += 1;
      preactRender(null, container);
    };
  };
  return { mount, shown, unmounted: () => unmounted };
}

const errorText = (error: unknown) => `could not load: ${(error as Error).message}`;

describe('lazy part', () => {
  it('asks for the file once, mounts the part once it is there, gives it the latest props, unmounts it with the box', async () => {
    const part = fakePart();
    let there: MountPart<{ label: string }> | undefined;
    const load = vi.fn(async () => {
      there = part.mount;
    });
    const box = (label: string) =>
      h(LazyPart<{ label: string }>, { mounted: () => there, load, props: { label }, class: 'box', errorText });
    const view = render(box('first'));
    await waitFor(() => expect(view.container.querySelector('.part')?.textContent).toBe('first'));
    view.rerender(box('second'));
    await waitFor(() => expect(view.container.querySelector('.part')?.textContent).toBe('second'));
    expect(load).toHaveBeenCalledTimes(1);
    // The box goes (the overview closed, the card re-rendered without the form): so does the part.
    view.rerender(h('div', null));
    expect(part.unmounted()).toBe(1);
  });

  it('mounts at once, without asking, when the file is already in the tab', async () => {
    const part = fakePart();
    const load = vi.fn(async () => undefined);
    const view = render(
      h(LazyPart<{ label: string }>, {
        mounted: () => part.mount,
        load,
        props: { label: 'here' },
        class: 'box',
        errorText,
      }),
    );
    await waitFor(() => expect(part.shown).toEqual(['here']));
    expect(load).not.toHaveBeenCalled();
    expect(view.container.querySelector('.box .part')?.textContent).toBe('here');
  });

  it('says why when the file could not be loaded (the extension was updated, the tab is gone)', async () => {
    const view = render(
      h(LazyPart<{ label: string }>, {
        mounted: () => undefined,
        load: async () => {
          throw new Error('Extension context invalidated.');
        },
        props: { label: 'never' },
        class: 'box',
        errorText,
      }),
    );
    await waitFor(() =>
      expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(
        'could not load: Extension context invalidated.',
      ),
    );
  });

  it("the reactions part's mount works the overview out from the cached comments and the page's", async () => {
    await import('../../../src/content/inline/reactions-part/reactions-part-script.ts');
    const mount = globalThis.freigabeMountReactions;
    expect(mount).toBeTypeOf('function');
    const container = document.createElement('div');
    const pending = {
      id: 5,
      parent: 0,
      type: 'comment',
      status: 'hold',
      authorName: 'A',
      authorUrl: '',
      date: Date.UTC(2026, 10, 1),
      contentHtml: '<p>Wartet.</p>',
    };
    const unmount = mount?.(container, {
      comments: [pending] as never,
      pageComments: [],
      approvedTotals: null,
      onClose: () => undefined,
    });
    expect(container.querySelector('.reactions h2')).not.toBeNull();
    // One pending comment cached, none on the page: the counts say so.
    const counts = [...container.querySelectorAll('.counts strong')].map((strong) => strong.textContent);
    expect(counts.slice(0, 2)).toEqual(['0', '1']);
    unmount?.();
    expect(container.childElementCount).toBe(0);
  });
});
