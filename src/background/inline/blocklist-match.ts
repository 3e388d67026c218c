/**
 * What the inline view learns about blocking (ADR 030): whether it can be offered, and which cached
 * comments a blocklist entry catches. The entry itself only when the page may see it: an entry that
 * matches only the commenter's email, IP or browser stays off the page (as their details do until
 * the moderator asks), the line then names just the list.
 */
import { blockAvailability, bridgeInstallUrl, matchBlocklists } from '../../shared/blocklist.ts';
import type { CommentRow, SiteRow } from '../../shared/db/index.ts';
import type { InlineComment, InlineState } from '../../shared/inline-protocol.ts';

export function inlineBlocking(site: SiteRow): NonNullable<InlineState['blocking']> {
  return { availability: blockAvailability(site), installUrl: bridgeInstallUrl(site.siteUrl) };
}

export function inlineBlockMatch(site: SiteRow, comment: CommentRow): InlineComment['blocklistMatch'] {
  if (site.mode !== 'moderator' || site.blocklist?.state !== 'read') return null;
  const { lists } = site.blocklist;
  const match = matchBlocklists(lists, comment);
  if (!match) return null;
  const onPage = matchBlocklists(lists, { ...comment, authorEmail: null, authorIp: null, authorUserAgent: null });
  return { list: match.list, entry: onPage?.list === match.list ? onPage.entry : null };
}
