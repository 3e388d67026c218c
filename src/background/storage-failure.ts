/**
 * The browser refusing to store something (issue 13): the disk or the origin's quota is full, or
 * IndexedDB aborted the transaction. A decision, reply or draft is written in one transaction
 * (outbox/decide.ts), so such a failure means nothing was kept — the user is told at once, in
 * their words, and the page keeps what they did (the comment stays listed, the text stays in the
 * editor). Classified from the error's name and its `inner` chain (Dexie wraps the browser's
 * DOMException), never guessed from a message.
 */
import { Dexie } from 'dexie';
import { t } from '../shared/i18n.ts';

export type StorageFailure = 'full' | 'failed';

const chainOf = (error: unknown): unknown[] => {
  const chain: unknown[] = [];
  let current = error;
  while (typeof current === 'object' && current !== null && chain.length < 5) {
    chain.push(current);
    current = 'inner' in current ? current.inner : null;
  }
  return chain;
};

const nameOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';

/**
 * The database's errors that are the storage failing, not our code: an aborted or unknown
 * transaction failure, a database the browser closed or could not open. A constraint, a bad key or
 * an await outside the transaction is a bug, reported as one.
 */
const refusals = new Set(['AbortError', 'UnknownError', 'DatabaseClosedError', 'OpenFailedError']);

/** Whether `error` is the browser's storage refusing a write; null for anything else. */
export function storageFailure(error: unknown): StorageFailure | null {
  const chain = chainOf(error);
  if (chain.some((link) => nameOf(link) === 'QuotaExceededError')) return 'full';
  // Only the database's own errors: a fetch's AbortError (a timeout) is not the storage.
  if (!(error instanceof Dexie.DexieError)) return null;
  return chain.some((link) => refusals.has(nameOf(link))) ? 'failed' : null;
}

/** The answer the page shows for a storage failure. */
export function storageFailureReply(failure: StorageFailure): { code: string; message: string } {
  return failure === 'full'
    ? { code: 'storage_full', message: t('storageFull') }
    : { code: 'storage_failed', message: t('storageFailed') };
}
