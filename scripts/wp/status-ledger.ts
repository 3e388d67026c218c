/**
 * The server's own record of every comment status change and permanent delete (the scenario
 * `status-ledger`, php/scenarios/status-ledger.php): what tests, benches and the soak compare the
 * extension's promises with ("changed exactly once", "nothing lost").
 */
import type { DemoSiteUser, SiteInfo } from './index.ts';
import { demoUser, restClient, restRoot } from './rest.ts';

export interface LedgerEntry {
  /** the ledger's own row id, increasing */
  id: number;
  comment: number;
  from: string;
  /** WordPress's status words: approved, unapproved, spam, trash — or deleted */
  to: string;
  user: number;
  /** seconds (PHP microtime) */
  at: number;
}

function admin(info: Pick<SiteInfo, 'url' | 'users'>) {
  const account: DemoSiteUser = demoUser(info, 'admin');
  return restClient(restRoot(info), account);
}

/** Every entry after `since` (a ledger row id), oldest first. */
export function readLedger(info: Pick<SiteInfo, 'url' | 'users'>, since = 0): Promise<LedgerEntry[]> {
  return admin(info)<LedgerEntry[]>('GET', `freigabe-test/v1/ledger?since=${since}`);
}

export async function clearLedger(info: Pick<SiteInfo, 'url' | 'users'>): Promise<void> {
  await admin(info)('DELETE', 'freigabe-test/v1/ledger');
}

/** How many times each comment's status changed (deletes included), by comment id. */
export function changesPerComment(entries: readonly LedgerEntry[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const entry of entries) counts.set(entry.comment, (counts.get(entry.comment) ?? 0) + 1);
  return counts;
}
