// @vitest-environment jsdom
/**
 * The popup's first render waits a moment for the background's snapshot (main.tsx), so its first
 * frame already has the rows: no loading screen and a second render a frame later. Its own file: the
 * snapshot's rows are given away once per page (module state), as in the popup.
 */
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { firstScreenSettled, readFirstScreenEarly } from '../../../src/popup/first-screen.ts';
import { type FirstScreen, firstScreenKey } from '../../../src/shared/first-screen.ts';
import { fakeBrowser } from '../../support/fake-browser.ts';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSite, testSiteId } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();

describe("the popup's first frame", () => {
  it("shows the snapshot's rows, with their site and post, in its very first render", async () => {
    const { db } = perTest.current().ctx;
    const stored: FirstScreen = {
      version: 1,
      writtenAt: 0,
      sites: [testSite()],
      posts: [{ siteId: testSiteId, id: 4, title: 'Ein Artikel im Schnappschuss', link: '', author: null }],
      rows: [commentRow(11, { authorName: 'Aus dem Schnappschuss' })],
    };
    await fakeBrowser.storage.session.set({ [firstScreenKey]: stored });
    readFirstScreenEarly();
    await firstScreenSettled();
    // Nothing awaited after the render: what it shows is the first frame's content.
    render(<App db={db} tabId={null} />);
    expect(screen.getByText('Aus dem Schnappschuss')).toBeTruthy();
    expect(document.querySelector('.queue [role="row"][data-comment-id="11"]')?.textContent).toContain(
      'Ein Artikel im Schnappschuss',
    );
  });

  it('does not wait long for a snapshot that does not answer', async () => {
    const started = Date.now();
    const never = new Promise<Record<string, unknown>>(() => undefined);
    (globalThis as { freigabeFirstScreen?: unknown }).freigabeFirstScreen = never;
    readFirstScreenEarly();
    await firstScreenSettled(30);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
