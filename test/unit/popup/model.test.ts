/** The popup's pure parts: keys to commands, what a key means per status, rough text, clusters kept while triaging. */
import { describe, expect, it } from 'vitest';
import { decisionFor } from '../../../src/popup/actions/decisions.ts';
import { commandFor } from '../../../src/popup/keyboard/keymap.ts';
import { clustersOf } from '../../../src/popup/queue/clusters.ts';
import { displayRows } from '../../../src/popup/queue/rows.ts';
import { roughText } from '../../../src/shared/rough-text.ts';
import { commentRow } from '../../support/popup-harness.ts';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) =>
  commandFor({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keys', () => {
  it("are wp-admin's, with Shift for the selection", () => {
    expect(key('j')).toEqual({ kind: 'move', to: 'next' });
    expect(key('k')).toEqual({ kind: 'move', to: 'previous' });
    expect(key('a')).toEqual({ kind: 'act', action: 'approve', scope: 'focused' });
    expect(key('A', { shiftKey: true })).toEqual({ kind: 'act', action: 'approve', scope: 'selection' });
    expect(key('D', { shiftKey: true })).toEqual({ kind: 'act', action: 'trash', scope: 'selection' });
    expect(key('X', { shiftKey: true })).toEqual({ kind: 'selectAll' });
    expect(key('x')).toEqual({ kind: 'toggleSelect' });
    expect(key('q')).toEqual({ kind: 'approveAndReply' });
    expect(key('z')).toEqual({ kind: 'undo' });
  });

  it('/ and ? work with Shift (German keyboards), nothing works with Ctrl', () => {
    expect(key('/', { shiftKey: true })).toEqual({ kind: 'search' });
    expect(key('?', { shiftKey: true })).toEqual({ kind: 'help' });
    expect(key('a', { ctrlKey: true })).toBeNull();
    expect(key('J', { shiftKey: true })).toBeNull();
    expect(key('F5')).toBeNull();
  });

  it('mean what wp-admin means for each status', () => {
    expect(decisionFor('spam', 'hold')).toBe('spam');
    expect(decisionFor('spam', 'spam')).toBe('unspam');
    expect(decisionFor('trash', 'approved')).toBe('trash');
    expect(decisionFor('trash', 'trash')).toBe('delete');
    expect(decisionFor('trash', 'spam')).toBe('delete');
    expect(decisionFor('unapprove', 'trash')).toBe('untrash');
    expect(decisionFor('unapprove', 'hold')).toBeNull();
    expect(decisionFor('approve', 'approved')).toBeNull();
  });
});

describe('rough text', () => {
  it('strips tags and scripts and decodes entities', () => {
    expect(roughText('<p>Mehr als PR &#8211; ein Pl&auml;doyer &amp; mehr</p><script>alert(1)</script>')).toBe(
      'Mehr als PR – ein Plädoyer & mehr',
    );
  });
});

describe('clusters while triaging', () => {
  const storm = [1, 2, 3, 4].map((id) => commentRow(id, { contentHtml: '<p>RT @KatrinHellwig: Titel</p>' }));
  const other = commentRow(5, { contentHtml: '<p>Etwas anderes</p>' });

  it('shrink when members leave the view, and vanish under two members', () => {
    const first = clustersOf([...storm, other], null);
    expect(first.clusters.map((cluster) => cluster.members.length)).toEqual([4]);
    const fewer = clustersOf(
      [storm[0], storm[1], other].filter((row) => row !== undefined),
      first,
    );
    expect(fewer.clusters.map((cluster) => cluster.members.length)).toEqual([2]);
    expect(fewer.clusters[0]?.key).toBe(first.clusters[0]?.key);
    expect(
      clustersOf(
        [storm[0], other].filter((row) => row !== undefined),
        fewer,
      ).clusters,
    ).toEqual([]);
  });

  it('are computed again when a comment is new or changed', () => {
    const first = clustersOf(storm.slice(0, 2), null);
    const more = clustersOf([...storm.slice(0, 2), commentRow(9, { contentHtml: '<p>RT @Other: Titel</p>' })], first);
    expect(more.clusters[0]?.members).toHaveLength(3);
  });

  it('become one row at the place of the newest member, members under it when expanded', () => {
    const newestFirst = [other, ...storm].sort((a, b) => b.date - a.date);
    const { clusters } = clustersOf(newestFirst, null);
    const collapsed = displayRows(newestFirst, clusters, new Set());
    // `other` is the newest; the cluster stands where its newest member (4) is.
    expect(collapsed.map((row) => row.kind)).toEqual(['comment', 'cluster']);
    const expanded = displayRows(newestFirst, clusters, new Set([clusters[0]?.key ?? '']));
    expect(expanded.map((row) => row.kind)).toEqual(['comment', 'cluster', 'comment', 'comment', 'comment', 'comment']);
    expect(expanded.slice(2).map((row) => row.key)).toEqual([4, 3, 2, 1].map((id) => `${other.siteId}\n${id}`));
  });
});
