// @vitest-environment jsdom
/**
 * Commenter-controlled text is bidi-isolated: a name with a right-to-left override (U+202E) cannot
 * reorder what stands next to it. Cluster samples are the sanitizer's plain text, not a regular
 * expression's: markup in attributes never reads as text.
 */
import { render, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
});

const override = 'Eve\u202Egnp.exe';

describe('the popup’s rows', () => {
  it('isolate the name, the commenter’s URL and the name in “in reply to”', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite({ mode: 'moderator' }));
    await db.comments.bulkPut([
      commentRow(1, { status: 'approved', authorName: override }),
      commentRow(2, { parent: 1, authorName: override, authorUrl: 'https://\u202Eevil.example/' }),
    ]);
    render(<App db={db} tabId={null} />);
    await waitFor(() => expect(document.querySelector('[data-comment-id="2"] .author')).toBeTruthy());
    const row = document.querySelector('[data-comment-id="2"]') as HTMLElement;
    const author = row.querySelector('.author bdi') as HTMLElement;
    expect(author.tagName).toBe('BDI');
    expect(author.textContent).toBe(override);
    const details = [...row.querySelectorAll('.author-details bdi')].map((part) => part.textContent);
    expect(details).toContain('https://\u202Eevil.example/');
    expect(details).toContain('198.51.100.7');
    await waitFor(() => expect(row.querySelector('.in-reply-to')?.textContent).toContain(`\u2068${override}\u2069`));
    expect(row.querySelector('input.select')?.getAttribute('aria-label')).toContain(`\u2068${override}\u2069`);
  });

  it('a cluster’s sample is what the sanitized comment reads, isolated; its authors too', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    const html = '<p><abbr title="x>y">RT</abbr> @Katrin: <img alt="<b>Fake</b>" src="x">Social Media ist mehr</p>';
    await db.comments.bulkPut(
      [20, 21, 22].map((id) => commentRow(id, { authorName: `${override}${id}`, contentHtml: html })),
    );
    render(<App db={db} tabId={null} />);
    await waitFor(() => expect(document.querySelector('.cluster')).toBeTruthy());
    const sample = document.querySelector('.cluster .cluster-sample') as HTMLElement;
    expect(sample.textContent).toBe('RT @Katrin: Social Media ist mehr');
    expect(sample.querySelector('bdi')).toBeTruthy();
    expect(document.querySelector('.cluster .cluster-authors')?.textContent).toContain(`\u2068${override}20\u2069`);
  });
});
