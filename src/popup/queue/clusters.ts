/**
 * Near-identical comments of a view, per site (cluster ids are per site). Triage mostly removes
 * comments from a view; then the clusters are what they were minus the removed comments, without
 * running the clustering again over thousands of texts.
 */
import { type Cluster, findClusters } from '../../shared/clusters/index.ts';
import type { CommentRow } from '../../shared/db/index.ts';
import { textOf } from './text.ts';
import { commentKey } from './views.ts';

export interface SiteCluster {
  /** unique across sites */
  key: string;
  siteId: string;
  post: number;
  reason: Cluster['reason'];
  /** member comment keys, in the view's order */
  members: string[];
}

function compute(rows: readonly CommentRow[]): SiteCluster[] {
  const bySite = new Map<string, CommentRow[]>();
  for (const row of rows) {
    const list = bySite.get(row.siteId);
    if (list) list.push(row);
    else bySite.set(row.siteId, [row]);
  }
  const clusters: SiteCluster[] = [];
  for (const [siteId, comments] of bySite) {
    const inputs = comments.map((row) => ({
      id: row.id,
      post: row.post,
      type: row.type,
      authorName: row.authorName,
      authorUrl: row.authorUrl,
      text: textOf(row),
    }));
    for (const cluster of findClusters(inputs)) {
      clusters.push({
        key: `${siteId}\n${cluster.key}`,
        siteId,
        post: cluster.post,
        reason: cluster.reason,
        members: cluster.ids.map((id) => commentKey({ siteId, id })),
      });
    }
  }
  return clusters;
}

export interface ClusterCache {
  inputs: Map<string, string>;
  clusters: SiteCluster[];
}

/** Clusters of `rows`, reusing `previous` when `rows` only lost comments since then. */
export function clustersOf(rows: readonly CommentRow[], previous: ClusterCache | null): ClusterCache {
  const inputs = new Map(rows.map((row) => [commentKey(row), row.contentHtml]));
  const shrunk =
    previous !== null &&
    inputs.size <= previous.inputs.size &&
    rows.every((row) => previous.inputs.get(commentKey(row)) === row.contentHtml);
  if (!shrunk) return { inputs, clusters: compute(rows) };
  const clusters = previous.clusters
    .map((cluster) => ({ ...cluster, members: cluster.members.filter((key) => inputs.has(key)) }))
    .filter((cluster) => cluster.members.length > 1);
  return { inputs, clusters };
}
