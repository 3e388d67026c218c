/**
 * The Freigabe Bridge a bulk job may use on a site: the one its connection detected
 * (`SiteRow.bridge`), and only for a moderator. The Bridge's id listing covers every post's
 * comments, so it answers moderators only (`moderate_comments`); an author's jobs go over REST,
 * restricted to their own posts (`author-posts.ts`). Null: REST alone.
 */
import type { SiteRow } from '../../shared/db/index.ts';
import type { BridgeInfo } from '../../shared/wp/bridge.ts';

export function bridgeOfSite(site: Pick<SiteRow, 'bridge' | 'mode'>): BridgeInfo | null {
  return site.mode === 'moderator' ? (site.bridge ?? null) : null;
}
