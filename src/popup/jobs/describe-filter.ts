/** A job's filter in words, one part each (status, kind, post, search, email, dates), for the sheet and the strip. */
import type { PostRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import type { JobFilter } from '../../shared/jobs.ts';
import { postTitle } from '../queue/post-title.ts';
import { postKey, viewLabelKeys } from '../queue/views.ts';

const day = (iso: string) => iso.slice(0, 10);
/** `before` is the midnight after the last day asked for (sheet-state.ts): show that day. */
const dayBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString().slice(0, 10);

export function describeFilter(filter: JobFilter, siteId: string, posts: ReadonlyMap<string, PostRow>): string[] {
  const parts = [t(viewLabelKeys[filter.status])];
  parts.push(
    filter.type === 'comments'
      ? t('filterComments')
      : filter.type === 'pings'
        ? t('filterPings')
        : t('jobFilterAllTypes'),
  );
  if (filter.post !== undefined) {
    const post = posts.get(postKey(siteId, filter.post));
    parts.push(t('jobFilterPost', [post ? postTitle(post.title) : t('unknownPost', [String(filter.post)])]));
  }
  if (filter.search !== undefined) parts.push(t('jobFilterSearch', [filter.search]));
  if (filter.authorEmail !== undefined) parts.push(`${t('jobAuthorEmail')}: ${filter.authorEmail}`);
  if (filter.after !== undefined) parts.push(`${t('jobFrom')} ${day(filter.after)}`);
  if (filter.before !== undefined) parts.push(`${t('jobTo')} ${dayBefore(filter.before)}`);
  return parts;
}
