// @vitest-environment jsdom
/**
 * The popup paints the background's snapshot only until the cache answers: the snapshot when it
 * comes first, then always the cache's rows — a stale snapshot (a site disconnected since, a
 * comment decided since) never outlives the cache's answer.
 */
import { readFileSync } from 'node:fs';
import { render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { readFirstScreenEarly } from '../../../src/popup/first-screen.ts';
import { firstRows } from '../../../src/popup/queue/use-view-comments.ts';
import type { CommentRow } from '../../../src/shared/db/index.ts';
import { type FirstScreen, firstScreenKey } from '../../../src/shared/first-screen.ts';
import { fakeBrowser } from '../../support/fake-browser.ts';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
});

const later = <T,>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('first rows', () => {
  const snapshot = [commentRow(1)];
  const cached = [commentRow(2)];
  async function shown(fromCache: Promise<CommentRow[]>, fromSnapshot: Promise<CommentRow[] | null>) {
    const calls: [number[], string][] = [];
    await firstRows(fromCache, fromSnapshot, (rows, from) => calls.push([rows.map((row) => row.id), from]));
    return calls;
  }

  it('shows the snapshot when it answers first, then the cache', async () => {
    expect(await shown(later(cached, 30), later(snapshot, 1))).toEqual([
      [[1], 'snapshot'],
      [[2], 'cache'],
    ]);
  });

  it('shows only the cache when the cache answers first, or the snapshot has nothing for the view', async () => {
    expect(await shown(later(cached, 1), later(snapshot, 30))).toEqual([[[2], 'cache']]);
    expect(await shown(later(cached, 30), later(null, 1))).toEqual([[[2], 'cache']]);
    expect(await shown(later(cached, 30), later([], 1))).toEqual([[[2], 'cache']]);
  });
});

describe('the popup with a snapshot', () => {
  it('ends with what the cache says, not with a stale snapshot', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.put(commentRow(7, { authorName: 'Im Cache' }));
    const stale: FirstScreen = {
      version: 1,
      writtenAt: 0,
      sites: [testSite()],
      posts: [],
      rows: [commentRow(8, { authorName: 'Schon entschieden' })],
    };
    await fakeBrowser.storage.session.set({ [firstScreenKey]: stale });
    readFirstScreenEarly();
    render(<App db={db} tabId={null} />);
    await screen.findByText('Im Cache');
    await waitFor(() => expect(screen.queryByText('Schon entschieden')).toBeNull());
    expect(document.querySelector('.queue')?.getAttribute('data-count')).toBe('1');
  });
});

describe('the first screen asked for before the app loads', () => {
  // public/first-screen-early.js, as the popup's page runs it: a plain script, before any module.
  const early = readFileSync('public/first-screen-early.js', 'utf8');

  it('asks storage.session for the key the background writes, once, and the app takes that answer', async () => {
    const asked: unknown[] = [];
    const screenRow = commentRow(9, { authorName: 'Aus dem Schnappschuss' });
    const stored: FirstScreen = { version: 1, writtenAt: 0, sites: [testSite()], posts: [], rows: [screenRow] };
    const session = {
      get: (key: unknown) => {
        asked.push(key);
        return Promise.resolve({ [firstScreenKey]: stored });
      },
    };
    const globals = globalThis as { chrome?: unknown; freigabeFirstScreen?: unknown };
    globals.chrome = { storage: { session } };
    // A fresh page: no app has run in it yet (the test above left its own mark).
    delete globals.freigabeFirstScreen;
    try {
      new Function(early)();
      expect(asked).toEqual([firstScreenKey]);
      expect(globals.freigabeFirstScreen).toBeInstanceOf(Promise);
      // A fresh popup's module (the one above has given its first rows away already).
      vi.resetModules();
      const fresh = await import('../../../src/popup/first-screen.ts');
      fresh.readFirstScreenEarly();
      // Taken, not asked again; and left for no one else.
      expect(asked).toHaveLength(1);
      expect(globals.freigabeFirstScreen).toBeNull();
      expect((await fresh.firstScreenRows('hold', null))?.map((row) => row.id)).toEqual([9]);
    } finally {
      delete globals.chrome;
    }
  });

  it('loaded after the app (it is async), asks nothing: the app has asked itself', async () => {
    const asked: unknown[] = [];
    const session = {
      get: (key: unknown) => {
        asked.push(key);
        return Promise.resolve({});
      },
    };
    const globals = globalThis as { chrome?: unknown; browser?: unknown; freigabeFirstScreen?: unknown };
    globals.chrome = { storage: { session } };
    delete globals.freigabeFirstScreen;
    try {
      vi.resetModules();
      const fresh = await import('../../../src/popup/first-screen.ts');
      fresh.readFirstScreenEarly();
      const byApp = asked.length;
      new Function(early)();
      expect(asked).toHaveLength(byApp);
      expect(globals.freigabeFirstScreen).toBeNull();
    } finally {
      delete globals.chrome;
      delete globals.freigabeFirstScreen;
    }
  });

  it('does nothing where there is no storage.session: the app asks itself', () => {
    const globals = globalThis as { chrome?: unknown; freigabeFirstScreen?: unknown };
    globals.chrome = { storage: {} };
    try {
      new Function(early)();
      expect(globals.freigabeFirstScreen).toBeUndefined();
    } finally {
      delete globals.chrome;
    }
  });
});
