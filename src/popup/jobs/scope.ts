/**
 * What a bulk job acts on, from where the user asked for it: the queue's view and filters, a
 * cluster's pattern, or a whole Spam or Trash view ("Empty spam"). Pure: the popup's state in, the
 * sheet's starting point out — or why there is nothing to start (in the user's words).
 */
import type { CommentRow, SiteRow } from '../../shared/db/index.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import type { JobAction, JobFilter } from '../../shared/jobs.ts';
import type { SiteCluster } from '../queue/clusters.ts';
import { parsePostKey, type QueueFilter } from '../queue/views.ts';
import { clusterSearch, maxSearchLength } from './cluster-search.ts';

/** Where the sheet was opened from: what it offers follows from it. */
export type JobOrigin = 'filter' | 'cluster' | 'empty' | 'commenter';

/** The sheet's starting point: a filter WordPress evaluates on one site. */
export interface JobSheetRequest {
  origin: JobOrigin;
  /** the site it runs on */
  siteId: string;
  /** the sites the user may pick instead (moderator sites; one: nothing to pick) */
  siteChoices: readonly string[];
  filter: JobFilter;
  /** "Empty spam" / "Empty trash": delete permanently is the only action */
  only: JobAction | null;
}

export type JobScope = { ok: true; request: JobSheetRequest } | { ok: false; problem: MessageKey };

/** Bulk jobs run with a moderator's rights: an author's WordPress refuses most of what they do. */
function siteFor(siteId: string | null, sites: readonly SiteRow[]): JobScope | { siteId: string; choices: string[] } {
  const moderated = sites.filter((site) => site.mode === 'moderator').map((site) => site.id);
  if (siteId !== null) {
    return moderated.includes(siteId) ? { siteId, choices: [siteId] } : { ok: false, problem: 'jobNeedsModerator' };
  }
  const [first] = moderated;
  return first === undefined ? { ok: false, problem: 'jobNeedsModerator' } : { siteId: first, choices: moderated };
}

/** "Everything matching on the server" for the view and filters on screen. */
export function scopeOfFilter(filter: QueueFilter, sites: readonly SiteRow[]): JobScope {
  if (filter.view === 'mine') return { ok: false, problem: 'jobNotInMine' };
  const search = filter.search.trim();
  if (search.length > maxSearchLength) return { ok: false, problem: 'jobSearchTooLong' };
  const post = filter.post === null ? null : parsePostKey(filter.post);
  const site = siteFor(post?.siteId ?? filter.siteId, sites);
  if ('ok' in site) return site;
  const jobFilter: JobFilter = { status: filter.view, type: filter.type };
  if (post) jobFilter.post = post.id;
  if (search !== '') jobFilter.search = search;
  return {
    ok: true,
    request: { origin: 'filter', siteId: site.siteId, siteChoices: site.choices, filter: jobFilter, only: null },
  };
}

/** "Empty spam" / "Empty trash": every comment of that status on the site, deleted permanently (wp-admin's buttons). */
export function scopeOfEmptying(view: 'spam' | 'trash', siteId: string | null, sites: readonly SiteRow[]): JobScope {
  const site = siteFor(siteId, sites);
  if ('ok' in site) return site;
  return {
    ok: true,
    request: {
      origin: 'empty',
      siteId: site.siteId,
      siteChoices: site.choices,
      filter: { status: view, type: 'all' },
      only: 'delete',
    },
  };
}

/** All like a cluster on the server: its post, its kind of comment and its pattern as a search. */
export function scopeOfCluster(
  cluster: SiteCluster,
  status: JobFilter['status'],
  search: string | null,
  sites: readonly SiteRow[],
): JobScope {
  if (search === null) return { ok: false, problem: 'jobClusterNoPattern' };
  const site = siteFor(cluster.siteId, sites);
  if ('ok' in site) return site;
  const type = cluster.reason === 'pings-from-domain' ? 'pings' : 'all';
  return {
    ok: true,
    request: {
      origin: 'cluster',
      siteId: site.siteId,
      siteChoices: site.choices,
      filter: { status, type, post: cluster.post, search },
      only: null,
    },
  };
}

/** All of one commenter's comments of one status, by their address (from their history panel). */
export function scopeOfCommenter(
  siteId: string,
  authorEmail: string,
  status: JobFilter['status'],
  sites: readonly SiteRow[],
): JobScope {
  const site = siteFor(siteId, sites);
  if ('ok' in site) return site;
  return {
    ok: true,
    request: {
      origin: 'commenter',
      siteId: site.siteId,
      siteChoices: site.choices,
      filter: { status, type: 'all', authorEmail },
      only: null,
    },
  };
}

/**
 * What the popup's state keeps when the sheet opens: where it was opened from, as plain data. The
 * scope is worked out by the sheet (a chunk loaded when it opens), so none of this weighs on the
 * popup's first screen.
 */
export type JobSheetOpening =
  | { from: 'filter'; filter: QueueFilter }
  | { from: 'empty'; view: 'spam' | 'trash'; siteId: string | null }
  | { from: 'cluster'; cluster: SiteCluster; comments: readonly CommentRow[]; status: JobFilter['status'] }
  | { from: 'commenter'; siteId: string; authorEmail: string; status: JobFilter['status'] };

export function scopeOf(opening: JobSheetOpening, sites: readonly SiteRow[]): JobScope {
  switch (opening.from) {
    case 'filter':
      return scopeOfFilter(opening.filter, sites);
    case 'empty':
      return scopeOfEmptying(opening.view, opening.siteId, sites);
    case 'cluster':
      return scopeOfCluster(opening.cluster, opening.status, clusterSearch(opening.cluster, opening.comments), sites);
    case 'commenter':
      return scopeOfCommenter(opening.siteId, opening.authorEmail, opening.status, sites);
  }
}
