/** Rows as the background writes them, for tests that start from a filled cache. */
import type { OutboxRow, SiteRow } from '../../src/shared/db/index.ts';

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

/** A decision on the test site's comment, done and never sent unless the overrides say otherwise. */
export function outboxRow(commentId: number, overrides: Partial<OutboxRow> = {}): OutboxRow {
  return {
    siteId: testSiteId,
    commentId,
    decision: 'approve',
    previousStatus: 'hold',
    snapshot: {} as OutboxRow['snapshot'],
    state: 'done',
    createdAt: 0,
    notBefore: 0,
    attempts: 1,
    sentAt: null,
    error: null,
    undoOf: null,
    ...overrides,
  };
}
