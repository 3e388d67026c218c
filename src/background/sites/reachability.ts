/**
 * Whether a site answered: its status line says "offline" from the first request that could not
 * reach it (a sync or a flush), "blocked by a firewall" from the first one a firewall or CDN in
 * front of it answered instead, and "connected" again from the first one WordPress answered.
 */
import type { Decision, SiteRow } from '../../shared/db/index.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';
import { blocksOnlyThisText, firewallText } from '../firewall-text.ts';

/** The message to show when `error` means WordPress could not be reached at all; otherwise null. */
export function unreachable(error: unknown): string | null {
  return error instanceof WpError &&
    error.kind === 'retryable' &&
    (error.code === 'network' || error.code === 'timeout')
    ? error.message
    : null;
}

export async function markUnreachable(ctx: BackgroundContext, siteId: string, message: string): Promise<void> {
  await ctx.db.sites
    .where('id')
    .equals(siteId)
    .filter((site) => site.status === 'connected' || site.status === 'error')
    .modify({ status: 'offline', statusMessage: message });
}

/**
 * The site's status line when `error` (answering `decision`) means a firewall stands in front of the
 * whole site; null otherwise — also for a block of one reply's text, which only its own line tells.
 */
export function blockedSite(error: unknown, decision?: Decision): string | null {
  if (!(error instanceof WpError) || blocksOnlyThisText(error, decision)) return null;
  return firewallText(error, decision);
}

export async function markBlocked(ctx: BackgroundContext, siteId: string, message: string): Promise<void> {
  await ctx.db.sites
    .where('id')
    .equals(siteId)
    .filter((site) => site.status === 'connected' || site.status === 'error' || site.status === 'offline')
    .modify({ status: 'blocked', statusMessage: message });
}

/** WordPress answered: a site shown offline, blocked or in error is connected again; a sync or sign-in state stays. */
export async function markReachable(ctx: BackgroundContext, siteId: string): Promise<void> {
  await ctx.db.sites
    .where('id')
    .equals(siteId)
    .filter((site) => site.status === 'offline' || site.status === 'blocked' || site.status === 'error')
    .modify({ status: 'connected', statusMessage: null });
}

/** What a site's status line says after a sync (or search) failed with `error`. */
export function siteStatusAfter(error: unknown): Pick<SiteRow, 'status' | 'statusMessage'> {
  if (error instanceof WpError) {
    if (error.kind === 'auth') return { status: 'needs-login', statusMessage: error.message };
    const blocked = blockedSite(error);
    if (blocked !== null) return { status: 'blocked', statusMessage: blocked };
    const offline = unreachable(error);
    if (offline !== null) return { status: 'offline', statusMessage: offline };
    return { status: 'error', statusMessage: error.message };
  }
  return { status: 'error', statusMessage: error instanceof Error ? error.message : String(error) };
}
