/**
 * The toolbar badge follows the page (product.md, feature 2): on an article of a connected site
 * with pending comments it shows that article's count; everywhere else the total pending across
 * all connected sites. The tooltip says which of the two it is. A site that needs a new sign-in
 * turns the badge red ("!" when nothing is pending), one that is offline (or blocked by its firewall) turns
 * it grey.
 */
import { withStatus } from '../shared/db/comment-ranges.ts';
import type { SiteRow } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { readSettings } from '../shared/settings.ts';
import type { BackgroundContext } from './context.ts';
import { allTabPages, type TabPage } from './tab-state.ts';

export const badgeColors = {
  article: '#1f7a52',
  total: '#5f6368',
  needsLogin: '#b32d2e',
  offline: '#9aa0a6',
  job: '#2271b1',
};

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

/** What the badge shows away from an article with pending comments. */
export function totalLook(
  pending: number,
  sites: readonly Pick<SiteRow, 'name' | 'status'>[],
  /** comments awaiting the user's reply, when the user counts them on the badge (ADR 028) */
  unreplied = 0,
): BadgeLook {
  const total = pending + unreplied;
  const count = total > 0 ? String(total) : '';
  const pendingTitle = pending > 0 ? t('badgeTotalTitle', [String(pending)]) : total > 0 ? '' : t('actionTitle');
  const counted = [pendingTitle, unreplied > 0 ? t('badgeUnrepliedTitle', [String(unreplied)]) : '']
    .filter(Boolean)
    .join('\n');
  const needsLogin = sites.filter((site) => site.status === 'needs-login').map((site) => site.name);
  if (needsLogin.length > 0) {
    return {
      text: count || '!',
      color: badgeColors.needsLogin,
      title: `${t('badgeNeedsLogin', [needsLogin.join(', ')])}\n${counted}`,
    };
  }
  const offline = sites.filter((site) => site.status === 'offline').map((site) => site.name);
  if (offline.length > 0) {
    return { text: count, color: badgeColors.offline, title: `${t('badgeOffline', [offline.join(', ')])}\n${counted}` };
  }
  const blocked = sites.filter((site) => site.status === 'blocked').map((site) => site.name);
  if (blocked.length > 0) {
    return { text: count, color: badgeColors.offline, title: `${t('badgeBlocked', [blocked.join(', ')])}\n${counted}` };
  }
  return { text: count, color: badgeColors.total, title: counted };
}

/** A running bulk job: its progress in percent, instead of the total (the article badges stay). */
export function jobLook(siteName: string, progress: { total: number; done: number; skipped: number; failed: number }) {
  const handled = progress.done + progress.skipped + progress.failed;
  const percent = progress.total > 0 ? Math.min(99, Math.floor((handled / progress.total) * 100)) : 0;
  return {
    text: `${percent}%`,
    color: badgeColors.job,
    title: t('badgeJobTitle', [siteName, String(handled), String(progress.total)]),
  };
}

async function runningJobLook(ctx: BackgroundContext): Promise<BadgeLook | null> {
  const job = await ctx.db.jobs.where('state').equals('running').first();
  if (!job) return null;
  const site = await ctx.db.sites.get(job.siteId);
  return jobLook(site?.name ?? job.siteId, job.progress);
}

export function articleLook(count: number): BadgeLook {
  return { text: String(count), color: badgeColors.article, title: t('badgeArticleTitle', [String(count)]) };
}

export async function countPending(ctx: BackgroundContext, siteId?: string, postId?: number): Promise<number> {
  if (siteId !== undefined && postId !== undefined) {
    return ctx.db.comments.where('[siteId+post+status]').equals([siteId, postId, 'hold']).count();
  }
  return withStatus(ctx.db, 'hold').count();
}

async function show(ctx: BackgroundContext, look: BadgeLook, tabId?: number): Promise<void> {
  const { action } = ctx.browser;
  await action.setBadgeText({ text: look.text, tabId });
  await action.setBadgeBackgroundColor({ color: look.color, tabId });
  await action.setTitle({ title: look.title, tabId });
}

/** `pages`: the tabs' articles when the caller has just read them (a refresh reads them once). */
export async function updateBadges(ctx: BackgroundContext, pages?: ReadonlyMap<number, TabPage>): Promise<void> {
  const sites = await ctx.db.sites.toArray();
  const { countUnrepliedOnBadge } = await readSettings(ctx.db);
  const unreplied = countUnrepliedOnBadge ? sites.reduce((sum, site) => sum + (site.unreplied?.count ?? 0), 0) : 0;
  const total = totalLook(await countPending(ctx), sites, unreplied);
  await show(ctx, (await runningJobLook(ctx)) ?? total);
  for (const [tabId, page] of pages ?? (await allTabPages(ctx))) {
    const onArticle = page.postId === null ? 0 : await countPending(ctx, page.siteId, page.postId);
    const site = await ctx.db.sites.get(page.siteId);
    try {
      await show(ctx, onArticle > 0 && site?.status !== 'needs-login' ? articleLook(onArticle) : total, tabId);
    } catch {
      // The tab was closed meanwhile.
    }
  }
}
