/**
 * The Dexie database. Opened by name so every unit test can have a fresh one.
 * Schema changes: change `currentSchema`, raise `currentSchemaVersion`, and add the version it
 * replaces to `earlierStores` in test/unit/db-migrations.test.ts with a migration test. A change
 * that must rewrite rows needs its own `version(n).upgrade(…)`: then that version is declared too.
 */
import { Dexie, type Table } from 'dexie';
import { addNextSchema } from './next-schema.ts';
import type {
  CommenterHistoryRow,
  CommentRow,
  CredentialRow,
  DraftRow,
  JobChunkRow,
  JobRow,
  OutboxRow,
  PostRow,
  ReputationRow,
  SettingsRow,
  SiteRow,
  SyncSeenRow,
  SyncStateRow,
} from './rows.ts';

export type * from './rows.ts';

export const defaultDbName = 'freigabe';

/** The schema's version (what IndexedDB stores is ten times this: Dexie's convention). */
export const currentSchemaVersion = 7;

/**
 * Every table and its indexes. History: v2 the outbox; v3 drafts, reputation, sync state; v4 what
 * a sync read (`syncSeen`) and commenters' history; v5 the settings, out of storage.local, which
 * every content script may write; v6 bulk jobs and their chunks; v7 comments by status and date in
 * one index, the indexes nothing asked for gone — Chromium writes every index entry of a row again
 * on each put (ADR 038).
 */
export const currentSchema: Record<string, string> = {
  sites: 'id, origin',
  credentials: 'siteId',
  comments: '[siteId+id], [siteId+status], [siteId+post+status], [status+date]',
  posts: '[siteId+id]',
  outbox: '++id, siteId, [siteId+commentId], state, notBefore',
  drafts: '[siteId+commentId+kind], siteId, updatedAt',
  reputation: '[siteId+key], siteId',
  syncState: 'siteId',
  syncSeen: '[siteId+id]',
  commenterHistory: '[siteId+email], siteId, nextCheckAt',
  settings: 'key',
  jobs: '++id, siteId, state',
  jobChunks: '[jobId+seq], jobId',
};

export class FreigabeDb extends Dexie {
  sites!: Table<SiteRow, string>;
  credentials!: Table<CredentialRow, string>;
  comments!: Table<CommentRow, [string, number]>;
  posts!: Table<PostRow, [string, number]>;
  outbox!: Table<OutboxRow, number>;
  drafts!: Table<DraftRow, [string, number, string]>;
  reputation!: Table<ReputationRow, [string, string]>;
  syncState!: Table<SyncStateRow, string>;
  syncSeen!: Table<SyncSeenRow, [string, number]>;
  commenterHistory!: Table<CommenterHistoryRow, [string, string]>;
  settings!: Table<SettingsRow, string>;
  jobs!: Table<JobRow, number>;
  jobChunks!: Table<JobChunkRow, [number, number]>;

  constructor(name = defaultDbName) {
    super(name);
    // Only the current schema is declared: Dexie (3.0 and later) upgrades a database of any earlier
    // version by comparing what is installed with this, as long as no version needs an upgrade
    // function (none has so far). Declaring all seven made every page and the worker parse seven
    // schemas before their first frame (ADR 039). What each earlier version declared is kept in
    // test/unit/db-migrations.test.ts, which upgrades a filled database of each one to this.
    this.version(currentSchemaVersion).stores(currentSchema);
    // The update test's "build N+1" only (ADR 035): production builds stop at the version above.
    // Undefined where no bundler defines it (benches and scripts run this file in Node).
    if (typeof __FREIGABE_NEXT_SCHEMA__ !== 'undefined' && __FREIGABE_NEXT_SCHEMA__) addNextSchema(this);
  }
}

let shared: FreigabeDb | null = null;

/** The extension's one database (tests pass their own name). */
export function openDb(name = defaultDbName): FreigabeDb {
  if (name !== defaultDbName) return new FreigabeDb(name);
  shared ??= new FreigabeDb(name);
  return shared;
}
