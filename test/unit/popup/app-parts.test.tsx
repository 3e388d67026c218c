// @vitest-environment jsdom
/**
 * The app renders a few times per decision (the row hidden; the cache confirming it; the open
 * decisions read again). Its parts are pure: what a decision does not change — the site lines, the
 * connect banner, the selection bar, the empty-bin button, the server search line — does not
 * render again, and the cache confirming a decision the list already hid renders neither the list
 * nor the filters again (ADR 037).
 */
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

/**
 * Counts the components that render, by name. Preact calls its `_render` option hook (mangled to
 * `__r`, as in Preact's own debug and devtools code) just before a component's render function,
 * and not for a component whose `shouldComponentUpdate` said no.
 */
type RenderHook = ((vnode: { type: unknown }) => void) | undefined;
const hooks = options as unknown as { __r?: RenderHook };
const previous = hooks.__r;
const renders = new Map<string, number>();
function countRenders(): void {
  renders.clear();
  hooks.__r = (vnode) => {
    const type = vnode.type as { displayName?: string; name?: string };
    // A pure part's render function is its name with "View" (ConnectBannerView inside pure(…)).
    const name = (type.displayName ?? type.name ?? '?').replace(/View$/, '');
    renders.set(name, (renders.get(name) ?? 0) + 1);
    previous?.(vnode);
  };
}
afterEach(() => {
  hooks.__r = previous;
});
const rendersOf = (name: string) => renders.get(name) ?? 0;

const perTest = popupHarnessPerTest();

describe('the popup’s parts during decisions', () => {
  it('render again only where a decision changed what they show', async () => {
    const { ctx } = perTest.current();
    await ctx.db.sites.put(testSite());
    // Each from their own address: a decision changes no other row's reputation.
    const ids = Array.from({ length: 20 }, (_, index) => index + 1);
    await ctx.db.comments.bulkPut(ids.map((id) => commentRow(id, { authorIp: `198.51.100.${id}` })));
    render(<App db={ctx.db} tabId={null} />);
    await waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
    // Whatever the cache says after opening has been said.
    await new Promise((resolve) => setTimeout(resolve, 500));
    countRenders();

    const keys = 4;
    for (let key = 0; key < keys; key++) {
      const focused = document.querySelector<HTMLElement>('.queue [role="row"].active');
      const id = Number(focused?.dataset.commentId);
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'a' });
      // Hidden at once, then confirmed by the cache (in the test, the undo window keeps it unsent).
      await waitFor(() => expect(document.querySelector(`.queue [data-comment-id="${id}"]`)).toBeNull());
      await waitFor(async () => expect((await ctx.db.comments.get([siteId, id]))?.status).toBe('approved'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(rendersOf('App')).toBeGreaterThanOrEqual(2 * keys);
    for (const untouched of ['SiteLines', 'ConnectBanner', 'SelectionBar', 'EmptyBin', 'ServerSearchStatus']) {
      expect({ part: untouched, renders: rendersOf(untouched) }).toEqual({ part: untouched, renders: 0 });
    }
    // Once per decision (the row hidden) and when the open decisions are read again (they show on
    // the rows), not again when the cache confirms what the list already hid.
    expect(rendersOf('QueueList')).toBeGreaterThanOrEqual(keys);
    expect(rendersOf('QueueList')).toBeLessThan(2 * keys);
    expect(rendersOf('Filters')).toBeLessThanOrEqual(keys + 1);
  });
});
