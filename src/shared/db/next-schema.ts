/**
 * "Build N+1" of the update test (ADR 035): one more database version with a new index, the shape
 * every real schema change takes (`version(n + 1)` with a store's indexes changed). Only test builds
 * made with FREIGABE_NEXT_SCHEMA=1 declare it; test/e2e/update.test.ts installs such a build over a
 * running one, and test/unit/db-migrations.test.ts upgrades a filled database with it.
 */
import type { Dexie } from 'dexie';

/** The version the next schema adds (one above the last in index.ts). */
export const nextSchemaVersion = 8;

export function addNextSchema(db: Dexie): void {
  // The outbox also by creation time: a new index over rows that exist, built by the upgrade.
  db.version(nextSchemaVersion).stores({
    outbox: '++id, siteId, [siteId+commentId], state, notBefore, createdAt',
  });
}
