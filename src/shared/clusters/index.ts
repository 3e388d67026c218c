/**
 * Near-identical comments within one post, shown as one row and moderated in one action:
 * RT storms, the same text from different people, imported tweets, repeated pings from one site.
 *
 * What clusters (each comment belongs to at most one cluster):
 * 1. `pings-from-domain`: two or more pingbacks/trackbacks whose source URL has the same host
 *    (without `www.`). Hosts, not registrable domains: without the public-suffix list,
 *    `a.blogspot.com` and `b.blogspot.com` are different blogs and must stay apart.
 * 2. `same-text`: the same words after `normalizeForCluster` (so "RT @a: Titel #pr" and
 *    "Titel – via @b" are the same text). Texts of five words or more cluster from two comments.
 *    Short texts ("Danke!", "Super Artikel", "+1") need three: two readers saying "Danke!" are two
 *    readers, not a storm, and hiding one of them behind the other costs the moderator more than
 *    it saves; three identical short texts on one post are a pattern worth one row. Comments with
 *    no words at all (emoji only, a bare link) follow the short rule on their raw text.
 * 3. `similar-text`: texts of five words or more whose word pairs overlap with Jaccard ≥ 0.8
 *    (see `similar.ts`); linked in chains, so a storm with drifting variants stays one cluster.
 *    A cluster is `same-text` only when all its members normalize to the same text.
 * Pings that are not in a domain cluster take part in 2 and 3: scraper sites send pingbacks with
 * the same excerpt from many hosts.
 *
 * Known limit: the input is plain text, so a long quote followed by a one-word verdict
 * ("… Stimmt." / "… Quatsch.") reads as the same comment; quotes with a sentence of one's own do not.
 *
 * Cost: one normalization per comment, a hash map per post, and the similarity join over the
 * distinct long texts of a post; no pair of comments is compared unless they share a rare word pair.
 */
import { clusterWords, wordlessKey } from './normalize.ts';
import { similarComponents } from './similar.ts';

export { normalizeForCluster } from './normalize.ts';

export interface ClusterInput {
  id: number;
  post: number;
  type: string;
  authorName: string;
  authorUrl: string;
  /** plain text of the content */
  text: string;
}

export interface Cluster {
  /** `<post>:<lowest id>`: unique in a result, and stable while the cluster's lowest id stays in it */
  key: string;
  post: number;
  /** in input order */
  ids: number[];
  reason: 'same-text' | 'similar-text' | 'pings-from-domain';
}

/** Fewer words than this: a short text, clustered only when identical and at least `SHORT_TEXT_MIN_CLUSTER` times. */
const MIN_WORDS = 5;
const SHORT_TEXT_MIN_CLUSTER = 3;

interface Draft {
  post: number;
  /** input positions, ascending */
  members: number[];
  reason: Cluster['reason'];
}

/** Groups near-identical comments within one post; only groups of 2 or more. */
export function findClusters(comments: readonly ClusterInput[]): Cluster[] {
  const drafts: Draft[] = [];
  for (const [post, positions] of byPost(comments)) {
    const clustered = new Set<number>();
    for (const members of pingsByHost(comments, positions)) {
      drafts.push({ post, members, reason: 'pings-from-domain' });
      for (const position of members) clustered.add(position);
    }
    const rest = positions.filter((position) => !clustered.has(position));
    drafts.push(...textClusters(comments, rest, post));
  }
  drafts.sort((a, b) => (a.members[0] as number) - (b.members[0] as number));
  return drafts.map(({ post, members, reason }) => {
    const ids = members.map((position) => (comments[position] as ClusterInput).id);
    return { key: `${post}:${ids.reduce((a, b) => Math.min(a, b))}`, post, ids, reason };
  });
}

function byPost(comments: readonly ClusterInput[]): Map<number, number[]> {
  const posts = new Map<number, number[]>();
  comments.forEach((comment, position) => {
    const positions = posts.get(comment.post);
    if (positions) positions.push(position);
    else posts.set(comment.post, [position]);
  });
  return posts;
}

function pingsByHost(comments: readonly ClusterInput[], positions: readonly number[]): number[][] {
  const hosts = new Map<string, number[]>();
  for (const position of positions) {
    const comment = comments[position] as ClusterInput;
    if (comment.type !== 'pingback' && comment.type !== 'trackback') continue;
    const host = hostOf(comment.authorUrl);
    if (host === null) continue;
    const members = hosts.get(host);
    if (members) members.push(position);
    else hosts.set(host, [position]);
  }
  return [...hosts.values()].filter((members) => members.length >= 2);
}

/** A commenter link's host without `www.` (null: not an http(s) URL — pings carry what the other site sent). */
export function hostOf(url: string): string | null {
  try {
    const { hostname, protocol } = new URL(url);
    if ((protocol !== 'http:' && protocol !== 'https:') || hostname === '') return null;
    return hostname.replace(/^www\./, '');
  } catch {
    // Not a URL: no host to group by or search for.
    return null;
  }
}

function textClusters(comments: readonly ClusterInput[], positions: readonly number[], post: number): Draft[] {
  /** normalized text → its words and positions; wordless comments under a separate, prefixed key */
  const sameText = new Map<string, { words: string[]; members: number[] }>();
  for (const position of positions) {
    const text = (comments[position] as ClusterInput).text;
    const words = clusterWords(text);
    const key = words.length > 0 ? words.join(' ') : `\u0000${wordlessKey(text)}`;
    if (key === '\u0000') continue;
    const group = sameText.get(key);
    if (group) group.members.push(position);
    else sameText.set(key, { words, members: [position] });
  }

  const drafts: Draft[] = [];
  const long: { words: string[]; members: number[] }[] = [];
  for (const group of sameText.values()) {
    if (group.words.length >= MIN_WORDS) long.push(group);
    else if (group.members.length >= SHORT_TEXT_MIN_CLUSTER)
      drafts.push({ post, members: group.members, reason: 'same-text' });
  }

  const components = similarComponents(long.map((group) => group.words));
  const byComponent = new Map<number, { words: string[]; members: number[] }[]>();
  long.forEach((group, index) => {
    const root = components[index] as number;
    const groups = byComponent.get(root);
    if (groups) groups.push(group);
    else byComponent.set(root, [group]);
  });
  for (const groups of byComponent.values()) {
    const members = groups.length === 1 ? (groups[0]?.members ?? []) : groups.flatMap((group) => group.members);
    if (members.length < 2) continue;
    if (groups.length > 1) members.sort((a, b) => a - b);
    drafts.push({ post, members, reason: groups.length === 1 ? 'same-text' : 'similar-text' });
  }
  return drafts;
}
