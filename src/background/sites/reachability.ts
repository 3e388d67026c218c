/**
 * Whether a site answered: its status line says "offline" from the first request that could not
 * reach it (a sync or a flush), and "connected" again from the first one WordPress answered.
 */
import type { SiteRow } from '../../shared/db/index.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';

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

/** WordPress answered: a site shown offline (or in error) is connected again; a sync or sign-in state stays. */
export async function markReachable(ctx: BackgroundContext, siteId: string): Promise<void> {
  await ctx.db.sites
    .where('id')
    .equals(siteId)
    .filter((site) => site.status === 'offline' || site.status === 'error')
    .modify({ status: 'connected', statusMessage: null });
}

/** What a site's status line says after a sync (or search) failed with `error`. */
export function siteStatusAfter(error: unknown): Pick<SiteRow, 'status' | 'statusMessage'> {
  if (error instanceof WpError) {
    if (error.kind === 'auth') return { status: 'needs-login', statusMessage: error.message };
    const offline = unreachable(error);
    if (offline !== null) return { status: 'offline', statusMessage: offline };
    return { status: 'error', statusMessage: error.message };
  }
  return { status: 'error', statusMessage: error instanceof Error ? error.message : String(error) };
}
