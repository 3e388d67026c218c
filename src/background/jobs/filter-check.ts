/**
 * What WordPress would refuse about a job's filter for this user, said before anything is asked —
 * and the streams a REST selection is read in (its `type=all` also lists editor notes, WordPress 6.9+,
 * so "every type" is comments and pings apart).
 */
import type { SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import type { JobFilter } from '../../shared/jobs.ts';
import { ReplyError } from '../reply-error.ts';
import type { RestStream } from './cursor.ts';

export function checkFilterFor(site: SiteRow, filter: JobFilter): void {
  if (site.mode === 'moderator') return;
  if (filter.status === 'spam' || filter.status === 'trash')
    throw new ReplyError('rest_forbidden_status', t('jobAuthorSpamTrash', [site.name]));
  if (filter.authorEmail !== undefined)
    throw new ReplyError('rest_forbidden_author_email', t('jobAuthorEmailModerators', [site.name]));
}

export function restStreamsOf(filter: JobFilter): RestStream[] {
  if (filter.type === 'comments') return ['comment'];
  if (filter.type === 'pings') return ['pings'];
  return ['comment', 'pings'];
}

export async function siteOrRefuse(
  db: { sites: { get(id: string): Promise<SiteRow | undefined> } },
  siteId: string,
): Promise<SiteRow> {
  const site = await db.sites.get(siteId);
  if (!site) throw new ReplyError('site_not_connected', 'This site is not connected.');
  return site;
}
