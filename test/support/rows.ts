/** Rows as the background writes them, for tests that start from a filled cache. */
import type { SiteRow } from '../../src/shared/db/index.ts';

export const testSiteId = 'https://blog.example/wp-json/';

export function testSite(overrides: Partial<SiteRow> = {}): SiteRow {
  return {
    id: testSiteId,
    origin: 'https://blog.example',
    name: 'Freigabe Demo',
    home: 'https://blog.example',
    siteUrl: 'https://blog.example',
    signIn: 'password',
    userId: 2,
    userName: 'Rainer',
    mode: 'moderator',
    status: 'connected',
    statusMessage: null,
    connectedAt: 0,
    lastSyncAt: null,
    pendingTotal: 0,
    ...overrides,
  };
}
