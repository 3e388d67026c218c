/**
 * The article's whole debate for its author ("Debatten-Monitor"): counts per status, pingbacks and
 * trackbacks with their sites, imported social mentions and near-identical storms as clusters, and
 * reactions per day. Pure: from the cached comments and what the page shows.
 */
import { findClusters } from '../../shared/clusters/index.ts';
import type { InlineComment } from '../../shared/inline-protocol.ts';
import type { ArticleTotals } from '../../shared/moderation.ts';
import { roughText } from '../../shared/rough-text.ts';
import { isImportedTweet } from '../../shared/signals.ts';
import type { PageComment } from './types.ts';

export interface Reactions {
  published: number;
  pending: number;
  spam: number;
  pings: { id: number; type: string; title: string; site: string }[];
  social: number;
  /** `sampleHtml`: the newest member's comment HTML, shown through the sanitizer's plain text */
  clusters: { ids: number[]; sampleHtml: string; authors: string[] }[];
  /** reactions per day (local calendar day), oldest first */
  days: { day: string; count: number }[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // Not a URL: no host to show.
    return '';
  }
}

function dayOf(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What counts as the article's, not the comment page's: the server's totals where the cache holds fewer. */
export function reactionsOf(
  cached: readonly InlineComment[],
  onPage: readonly PageComment[],
  approvedTotals: ArticleTotals | null = null,
): Reactions {
  const cachedIds = new Set(cached.map((comment) => comment.id));
  // Published comments the page shows that the cache does not hold count as published.
  const pageOnly = onPage.filter((comment) => comment.id === null || !cachedIds.has(comment.id));
  const live = cached.filter((comment) => comment.status !== 'trash');
  const published = approvedTotals
    ? approvedTotals.comments + approvedTotals.pings
    : live.filter((comment) => comment.status === 'approved').length + pageOnly.filter((c) => !c.pending).length;
  const pending = live.filter((comment) => comment.status === 'hold').length;
  const spam = live.filter((comment) => comment.status === 'spam').length;
  const pings = live
    .filter((comment) => comment.type === 'pingback' || comment.type === 'trackback')
    .map((comment) => ({
      id: comment.id,
      type: comment.type,
      title: comment.authorName,
      site: hostOf(comment.authorUrl),
    }));
  const texts = new Map(live.map((comment) => [comment.id, roughText(comment.contentHtml)]));
  const social = live.filter((comment) =>
    isImportedTweet({ authorUrl: comment.authorUrl, text: texts.get(comment.id) ?? '' }),
  ).length;
  const byId = new Map(live.map((comment) => [comment.id, comment]));
  const clusters = findClusters(
    live
      .filter((comment) => comment.status !== 'spam')
      .map((comment) => ({
        id: comment.id,
        post: 0,
        type: comment.type,
        authorName: comment.authorName,
        authorUrl: comment.authorUrl,
        text: texts.get(comment.id) ?? '',
      })),
  ).map((cluster) => ({
    ids: cluster.ids,
    sampleHtml: byId.get(cluster.ids[0] ?? 0)?.contentHtml ?? '',
    authors: cluster.ids.map((id) => byId.get(id)?.authorName ?? ''),
  }));
  const perDay = new Map<string, number>();
  for (const comment of live) {
    if (comment.status === 'spam') continue;
    const day = dayOf(comment.date);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const days = [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
  return { published, pending, spam, pings, social, clusters, days };
}
