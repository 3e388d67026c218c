/**
 * Starting a job: WordPress counts the filter again and names its highest id — the job acts on what
 * matched then (comments arriving later have higher ids and are not included), never on more than
 * `maxJobSize`. A count that grew well past what the preview showed is refused: the user decides on
 * what they saw. The job row is all the background needs to work it through, here or after a restart.
 */
import type { JobRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { type JobAction, type JobFilter, maxJobSize } from '../../shared/jobs.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { clientForSite } from '../sites/site-client.ts';
import { ownPostsFor } from './author-posts.ts';
import { bridgeOfSite } from './bridge-of-site.ts';
import { newCursor } from './cursor.ts';
import { checkFilterFor, restStreamsOf, siteOrRefuse } from './filter-check.ts';
import { changesAnything } from './outcomes.ts';
import { selectionOf } from './selection.ts';

export interface StartRequest {
  siteId: string;
  filter: JobFilter;
  action: JobAction;
  expectedTotal: number;
}

/** Comments arriving between the preview and the start are fine; a count this much larger is not what the user saw. */
export function tooManyMore(total: number, expectedTotal: number): boolean {
  return total > expectedTotal + Math.max(50, Math.ceil(expectedTotal * 0.1));
}

export async function createJob(ctx: BackgroundContext, request: StartRequest): Promise<number> {
  const site = await siteOrRefuse(ctx.db, request.siteId);
  checkFilterFor(site, request.filter);
  if (!changesAnything(request.action, request.filter.status))
    throw new ReplyError('nothing_to_do', t('jobNothingToDo'));
  const client = await clientForSite(ctx, site.id);
  const streams = restStreamsOf(request.filter);
  const ownPosts = await ownPostsFor(client, site, request.filter);
  if (ownPosts?.length === 0) throw new ReplyError('nothing_matches', t('jobNothingMatches', [site.name]));
  const extents = await Promise.all(
    streams.map((stream) => client.jobs.extent(selectionOf(request, stream, site, ownPosts))),
  );
  const total = extents.reduce((sum, extent) => sum + extent.total, 0);
  const maxId = Math.max(0, ...extents.map((extent) => extent.maxId));
  if (total === 0) throw new ReplyError('nothing_matches', t('jobNothingMatches', [site.name]));
  if (tooManyMore(total, request.expectedTotal)) {
    throw new ReplyError(
      'more_than_previewed',
      t('jobMoreThanPreviewed', [String(total), String(request.expectedTotal)]),
    );
  }
  const route = bridgeOfSite(site) ? 'bridge' : 'rest';
  const now = ctx.now();
  const row: JobRow = {
    siteId: site.id,
    filter: request.filter,
    action: request.action,
    state: 'running',
    waitingUntil: null,
    waitReason: null,
    progress: { total: Math.min(total, maxJobSize), done: 0, skipped: 0, failed: 0, activeMs: 0 },
    failures: [],
    route,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    undoOf: null,
    undoneBy: null,
    cursor: { ...newCursor(route, maxId, streams), ...(ownPosts ? { ownPosts } : {}) },
  };
  return ctx.db.jobs.add(row);
}
