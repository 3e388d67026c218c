/**
 * Test builds only (ADR 035): IndexedDB refusing writes, forced from a test in real Chromium. CDP's
 * quota override does not reach an extension's storage, so the e2e test sets
 * `globalThis.freigabeRefuseWrites = 'QuotaExceededError'` in the service worker, and every write
 * then fails in Dexie's lowest layer with that DOMException — the transaction aborts as it does when
 * the disk is full. Release builds never call this (the caller checks `__FREIGABE_MODE__`).
 */
import type { DBCore, DBCoreMutateRequest, Dexie } from 'dexie';

const flagOf = (): string | null => {
  const value = (globalThis as { freigabeRefuseWrites?: unknown }).freigabeRefuseWrites;
  return typeof value === 'string' ? value : null;
};

export function refuseWritesWhenAsked(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'refuse-writes-when-asked',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request: DBCoreMutateRequest) {
            const refusal = flagOf();
            return refusal === null
              ? table.mutate(request)
              : Promise.reject(new DOMException(`Refused by the test (${refusal}).`, refusal));
          },
        };
      },
    }),
  });
}
