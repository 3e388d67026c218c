// TEMPORARY: replaced by the real module at merge
export interface ClusterInput {
  id: number;
  post: number;
  type: string;
  authorName: string;
  authorUrl: string;
  text: string;
}
export interface Cluster {
  key: string;
  post: number;
  ids: number[];
  reason: 'same-text' | 'similar-text' | 'pings-from-domain';
}
export function normalizeForCluster(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*rt\b/, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
export function findClusters(comments: readonly ClusterInput[]): Cluster[] {
  const groups = new Map<string, Cluster>();
  for (const comment of comments) {
    const key = `${comment.post}:${normalizeForCluster(comment.text)}`;
    const group = groups.get(key) ?? { key, post: comment.post, ids: [], reason: 'same-text' as const };
    group.ids.push(comment.id);
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.ids.length > 1);
}
