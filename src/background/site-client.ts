/** A REST client for a connected site, with its stored credentials. */
import { createWpClient, type WpClient } from '../shared/wp/client.ts';
import type { BackgroundContext } from './context.ts';

export async function clientForSite(ctx: BackgroundContext, siteId: string): Promise<WpClient> {
  const credentials = await ctx.db.credentials.get(siteId);
  return createWpClient({ root: siteId, auth: credentials?.auth ?? { kind: 'none' }, fetch: ctx.fetch, now: ctx.now });
}
