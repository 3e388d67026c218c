/**
 * The Dexie database. Opened by name so every unit test can have a fresh one.
 * Schema changes: add a new `version(n)` below the last one, never edit an old one.
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
    this.version(1).stores({
      sites: 'id, origin',
      credentials: 'siteId',
      comments: '[siteId+id], [siteId+status], [siteId+post+status], status, date',
      posts: '[siteId+id]',
    });
    // v2: the durable outbox of decisions.
    this.version(2).stores({
      outbox: '++id, siteId, [siteId+commentId], state, notBefore',
    });
    // v3: reply/edit drafts, local reputation, sync state; comments also by post and author email.
    this.version(3).stores({
      comments: '[siteId+id], [siteId+status], [siteId+post+status], [siteId+post], status, date, authorEmail',
      drafts: '[siteId+commentId+kind], siteId, updatedAt',
      reputation: '[siteId+key], siteId',
      syncState: 'siteId',
    });
    // v4: what a sync in progress has read, apart from the comments (which it now writes only when
    // changed); what WordPress said about commenters' earlier approved comments (the first-time signal).
    this.version(4).stores({
      syncSeen: '[siteId+id]',
      commenterHistory: '[siteId+email], siteId, nextCheckAt',
    });
    // v5: the user's settings, moved out of storage.local, which every content script may write
    // (shared/settings.ts); the extension's IndexedDB is reachable only from its own pages and worker.
    this.version(5).stores({
      settings: 'key',
    });
    // v6: bulk jobs over a server-side selection, and the ledger of their chunks (shared/jobs.ts).
    this.version(6).stores({
      jobs: '++id, siteId, state',
      jobChunks: '[jobId+seq], jobId',
    });
    // v7: comments by status and date in one index (the queue of all sites, newest first, read as a
    // range); the indexes nothing asked for go (by post alone: a range of [siteId+post+status]; by
    // author email; by status or date alone). Chromium writes every index entry of a row again on
    // each put, so each index costs on every decision, answer and synced page (ADR 038).
    this.version(7).stores({
      comments: '[siteId+id], [siteId+status], [siteId+post+status], [status+date]',
    });
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
