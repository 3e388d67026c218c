/**
 * The rows the list shows: comments, and clusters of near-identical comments as one row (at the
 * place of their newest member) that expands to show its members under it.
 */
import type { CommentRow } from '../../shared/db/index.ts';
import type { SiteCluster } from './clusters.ts';
import { commentKey } from './views.ts';

export type DisplayRow =
  | { kind: 'comment'; key: string; comment: CommentRow; cluster: SiteCluster | null }
  | { kind: 'cluster'; key: string; cluster: SiteCluster; comments: CommentRow[]; expanded: boolean };

export function displayRows(
  comments: readonly CommentRow[],
  clusters: readonly SiteCluster[],
  expanded: ReadonlySet<string>,
): DisplayRow[] {
  const clusterOf = new Map<string, SiteCluster>();
  for (const cluster of clusters) for (const member of cluster.members) clusterOf.set(member, cluster);
  const byKey = new Map(comments.map((comment) => [commentKey(comment), comment]));
  const rows: DisplayRow[] = [];
  const placed = new Set<string>();
  for (const comment of comments) {
    const key = commentKey(comment);
    const cluster = clusterOf.get(key);
    if (!cluster) {
      rows.push({ kind: 'comment', key, comment, cluster: null });
      continue;
    }
    if (placed.has(cluster.key)) continue;
    placed.add(cluster.key);
    const members = cluster.members.map((member) => byKey.get(member)).filter((row) => row !== undefined);
    members.sort((a, b) => b.date - a.date || b.id - a.id);
    const isOpen = expanded.has(cluster.key);
    rows.push({ kind: 'cluster', key: `cluster:${cluster.key}`, cluster, comments: members, expanded: isOpen });
    if (isOpen) {
      for (const member of members) rows.push({ kind: 'comment', key: commentKey(member), comment: member, cluster });
    }
  }
  return rows;
}

/** The comment keys a row stands for (a cluster: all its members). */
export function keysOf(row: DisplayRow): string[] {
  return row.kind === 'cluster' ? row.comments.map(commentKey) : [row.key];
}
