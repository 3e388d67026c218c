/**
 * A REST client for a connected site, with its stored sign-in. A cookie sign-in refreshes its
 * nonce when WordPress says it expired and keeps the fresh one WordPress sends.
 */
import { createWpClient, type WpClient } from '../../shared/wp/client.ts';
import { fetchRestNonce } from '../../shared/wp/session.ts';
import type { BackgroundContext } from '../context.ts';

export async function clientForSite(ctx: BackgroundContext, siteId: string): Promise<WpClient> {
  const [site, credentials] = await Promise.all([ctx.db.sites.get(siteId), ctx.db.credentials.get(siteId)]);
  const auth = credentials?.auth ?? { kind: 'none' as const };
  if (auth.kind !== 'cookie' || !site) {
    return createWpClient({ root: siteId, auth, fetch: ctx.fetch, now: ctx.now, timeoutMs: ctx.requestTimeoutMs });
  }
  return createWpClient({
    root: siteId,
    auth,
    fetch: ctx.fetch,
    now: ctx.now,
    timeoutMs: ctx.requestTimeoutMs,
    refreshNonce: () => fetchRestNonce(site.siteUrl, { fetch: ctx.fetch }),
    onNonce: (nonce) => {
      void ctx.db.credentials.put({ siteId, auth: { kind: 'cookie', nonce } });
    },
  });
}
