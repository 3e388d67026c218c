/**
 * A cluster's pattern as a WordPress search, where one exists. WordPress's comment search is one
 * `LIKE '%term%'` over content, author name, email, URL and IP — the whole term, not its words — so
 * a pattern is a host all pings came from, or a phrase that stands, letter for letter, in the
 * stored text of every member. Pure; null when no such pattern is long enough to mean something.
 */
import type { CommentRow } from '../../shared/db/index.ts';
import type { SiteCluster } from '../queue/clusters.ts';

/** WordPress's search takes at most this many characters from us (the message schema's limit). */
export const maxSearchLength = 200;
/** Shorter phrases ("Danke!", "+1") match half the blog: not offered. */
export const minPhraseLength = 12;
/** Enough to find a shared phrase in tweets and pingback excerpts; keeps the search cheap. */
const maxWords = 80;

function hostOf(url: string): string | null {
  try {
    const { hostname, protocol } = new URL(url);
    if ((protocol !== 'http:' && protocol !== 'https:') || hostname === '') return null;
    return hostname.replace(/^www\./, '');
  } catch {
    // Not a URL (pings carry what the other site sent): no host to search for.
    return null;
  }
}

/** The words of a text with where each starts and ends, so a phrase is cut from the text as stored. */
function wordSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\S+/g)].slice(0, maxWords).map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The longest run of whole words of the shortest text that every other text contains (ignoring case). */
function sharedPhrase(texts: readonly string[]): string | null {
  // The shortest text holds the fewest candidates.
  const [first, ...others] = [...texts].sort((a, b) => a.length - b.length);
  if (first === undefined) return null;
  const lowered = others.map((text) => text.toLowerCase());
  const spans = wordSpans(first);
  for (let length = spans.length; length >= 1; length--) {
    for (let from = 0; from + length <= spans.length; from++) {
      const start = spans[from]?.start ?? 0;
      const end = spans[from + length - 1]?.end ?? 0;
      if (end - start < minPhraseLength) continue;
      const phrase = first.slice(start, Math.min(end, start + maxSearchLength));
      const needle = phrase.toLowerCase();
      if (lowered.every((text) => text.includes(needle))) return phrase;
    }
  }
  return null;
}

export function clusterSearch(cluster: SiteCluster, comments: readonly CommentRow[]): string | null {
  if (comments.length === 0) return null;
  if (cluster.reason === 'pings-from-domain') {
    const hosts = new Set(comments.map((comment) => hostOf(comment.authorUrl)));
    const [host] = hosts;
    return hosts.size === 1 && host ? host : null;
  }
  // What WordPress searches is the stored text (`raw`, known to moderators), not the rendered HTML.
  const texts = comments.map((comment) => comment.contentRaw);
  if (texts.some((text) => text === null)) return null;
  return sharedPhrase(texts as string[]);
}
