/** Clusters kept while triaging (popup/queue/clusters.ts) and how they become rows (popup/queue/rows.ts). */
import { describe, expect, it } from 'vitest';
import { clustersOf } from '../../../src/popup/queue/clusters.ts';
import { displayRows } from '../../../src/popup/queue/rows.ts';
import { commentRow } from '../../support/popup-harness.ts';

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
