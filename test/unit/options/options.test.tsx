// @vitest-environment jsdom
/** The options page lists the popup's keyboard shortcuts and clears a site's cache (never its unsent decisions). */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../../src/background/outbox/decide.ts';
import { Options } from '../../../src/options/Options.tsx';
import { commentRow, type PopupHarness, popupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

let harness: PopupHarness;
beforeEach(async () => {
  harness = await popupHarness();
});
afterEach(async () => {
  cleanup();
  await harness.ctx.db.delete();
});

describe('options page', () => {
  it('lists the keyboard shortcuts', async () => {
    render(<Options db={harness.ctx.db} connectUrl="" />);
    const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
    expect(section.textContent).toContain('Shift+xSelect all matching the filters');
    expect(section.querySelectorAll('.shortcut').length).toBeGreaterThan(15);
  });

  it('clears the cache of a site, keeping what an unsent decision is about', async () => {
    const { ctx } = harness;
    await ctx.db.sites.put(testSite());
    await ctx.db.comments.bulkPut([commentRow(1), commentRow(2), commentRow(3)]);
    await decide(ctx, { siteId, commentIds: [2], decision: 'spam', undoWindowMs: 60_000 });
    render(<Options db={ctx.db} connectUrl="" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear the cache of Freigabe Demo' }));
    await screen.findByText('Cache of Freigabe Demo cleared; loading again.');
    expect(harness.requestsOf('clearCache')).toEqual([{ type: 'clearCache', siteId }]);
    await waitFor(async () => expect((await ctx.db.comments.toArray()).map((row) => row.id)).toEqual([2]));
    expect(await ctx.db.outbox.count()).toBe(1);
  });

  it('says where the Freigabe Bridge is active, and nothing where it is not (or not known yet)', async () => {
    const { ctx } = harness;
    const bridge = { version: '1.0.0', maxIds: 1000, actions: ['approve', 'spam'] };
    await ctx.db.sites.bulkPut([
      testSite({ id: 'https://a.example/wp-json/', name: 'Mit Bridge', bridge }),
      testSite({ id: 'https://b.example/wp-json/', name: 'Ohne Bridge', bridge: null }),
      testSite({ id: 'https://c.example/wp-json/', name: 'Noch nicht gesehen' }),
    ]);
    render(<Options db={ctx.db} connectUrl="" />);
    await screen.findByText('Freigabe Bridge 1.0.0 active — bulk actions run on the server');
    const rows = [...document.querySelectorAll('.site-row')];
    expect(
      rows.map((row) => [row.querySelector('strong')?.textContent, row.querySelector('.bridge')?.textContent ?? null]),
    ).toEqual([
      ['Mit Bridge', 'Freigabe Bridge 1.0.0 active — bulk actions run on the server'],
      ['Ohne Bridge', null],
      ['Noch nicht gesehen', null],
    ]);
  });
});
