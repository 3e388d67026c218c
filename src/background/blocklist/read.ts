/**
 * A site's comment blocklists, read through the Bridge into the cache (`SiteRow.blocklist`): after
 * a sync when the last read is an hour old, whenever the options page opens, and from the answer
 * of every change made through Freigabe (a change in wp-admin shows within the hour). Only where the Bridge
 * has the route and the user is a moderator; an editor's answer (`freigabe_bridge_admin_only`) is
 * kept too, so the pages can say that only an administrator may.
 */
import {
  type BlockAvailability,
  type Blocklists,
  blockAvailability,
  type SiteBlocklist,
} from '../../shared/blocklist.ts';
import type { SiteRow } from '../../shared/db/index.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { clientForSite } from '../sites/site-client.ts';

export const adminOnlyCode = 'freigabe_bridge_admin_only';

/** Reads the lists again where they can be read; answers what the cache holds now (undefined: nothing to read). */
export async function refreshBlocklist(ctx: BackgroundContext, siteId: string): Promise<SiteBlocklist | undefined> {
  const site = await ctx.db.sites.get(siteId);
  if (!site || !canAsk(site)) return undefined;
  const client = await clientForSite(ctx, siteId);
  let blocklist: SiteBlocklist;
  try {
    blocklist = { state: 'read', lists: await client.blocklist.read(), readAt: ctx.now() };
  } catch (error) {
    if (!(error instanceof WpError && error.code === adminOnlyCode)) throw error;
    blocklist = { state: 'admin-only', readAt: ctx.now() };
  }
  await storeBlocklist(ctx, siteId, blocklist);
  return blocklist;
}

/** A sync reads the lists again only after this (each read is the whole lists, and a write of the site row). */
export const blocklistMaxAgeMs = 60 * 60_000;

/** After a sync: reads the lists when the cache's are older than `blocklistMaxAgeMs`. */
export async function refreshOldBlocklist(ctx: BackgroundContext, siteId: string): Promise<void> {
  const readAt = (await ctx.db.sites.get(siteId))?.blocklist?.readAt;
  if (readAt !== undefined && ctx.now() - readAt < blocklistMaxAgeMs) return;
  await refreshBlocklist(ctx, siteId);
}

/** What a change answered: the lists as they are now. */
export async function storeLists(ctx: BackgroundContext, siteId: string, lists: Blocklists): Promise<void> {
  await storeBlocklist(ctx, siteId, { state: 'read', lists, readAt: ctx.now() });
}

async function storeBlocklist(ctx: BackgroundContext, siteId: string, blocklist: SiteBlocklist): Promise<void> {
  // A site disconnected meanwhile stays gone (update writes nothing for a missing row).
  await ctx.db.sites.update(siteId, { blocklist });
}

function canAsk(site: SiteRow): boolean {
  const availability = blockAvailability(site);
  return availability === 'ready' || availability === 'admin-only';
}

/** The site, if blocking can work there; otherwise the reason, for the user. */
export async function siteForBlocking(ctx: BackgroundContext, siteId: string): Promise<SiteRow> {
  const site = await ctx.db.sites.get(siteId);
  if (!site) throw new ReplyError('site_not_connected', 'This site is not connected.');
  const availability = blockAvailability(site);
  if (availability === 'ready') return site;
  throw unavailable(availability);
}

/** Why blocking cannot work on a site, as the pages' reply. */
export function unavailable(availability: Exclude<BlockAvailability, 'ready'>): ReplyError {
  return new ReplyError(`blocklist_${availability.replace('-', '_')}`, unavailableText[availability]);
}

const unavailableText = {
  'admin-only': 'Only an administrator of this site may change its comment blocklists.',
  'no-bridge': 'Blocking a commenter needs the Freigabe Bridge plugin on this site.',
  'old-bridge': 'Update the Freigabe Bridge on this site (1.1.0 or later) to block commenters.',
  'not-offered': 'Only moderators may block commenters.',
} as const;
