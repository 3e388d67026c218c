/**
 * The cached comments as the indexes hold them (index.ts, v7): a status across all sites, newest
 * first, and a post's comments in any status. Ranges of the compound indexes rather than indexes
 * of their own: every index is written again on each put of a row.
 */
import { Dexie } from 'dexie';
import type { FreigabeDb } from './index.ts';

/** The comments of this status on every site, oldest first (`.reverse()` for newest first). */
export function withStatus(db: FreigabeDb, status: string) {
  return db.comments.where('[status+date]').between([status, Dexie.minKey], [status, Dexie.maxKey], true, true);
}

/** The comments of these posts (`[siteId, post]`) in these statuses. */
export function onPosts(db: FreigabeDb, posts: readonly (readonly [string, number])[], statuses: readonly string[]) {
  return db.comments
    .where('[siteId+post+status]')
    .anyOf(posts.flatMap(([siteId, post]) => statuses.map((status) => [siteId, post, status])));
}

/** Every cached comment of one post, whatever its status. */
export function ofPost(db: FreigabeDb, siteId: string, post: number) {
  return db.comments
    .where('[siteId+post+status]')
    .between([siteId, post, Dexie.minKey], [siteId, post, Dexie.maxKey], true, true);
}
