// TEMPORARY: replaced by the real module at merge
/**
 * Near-identical comments within one post. This stand-in groups only comments whose text is the
 * same after normalizing; the real module adds word-shingle similarity and pings from one domain.
 */
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

/** Case, whitespace, URLs, @handles, a leading "RT" and punctuation do not make texts different. */
export function normalizeForCluster(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/^\s*rt\b/, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function findClusters(comments: readonly ClusterInput[]): Cluster[] {
  const groups = new Map<string, { post: number; ids: number[] }>();
  for (const comment of comments) {
    const normalized = normalizeForCluster(comment.text);
    if (normalized === '') continue;
    const key = `${comment.post}:${normalized}`;
    const group = groups.get(key);
    if (group) group.ids.push(comment.id);
    else groups.set(key, { post: comment.post, ids: [comment.id] });
  }
  return [...groups]
    .filter(([, group]) => group.ids.length > 1)
    .map(([key, group]) => ({ key, post: group.post, ids: group.ids, reason: 'same-text' as const }));
}
