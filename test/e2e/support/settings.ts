/**
 * Sets the extension's settings the way its options page stores them: a row in its IndexedDB
 * (shared/settings.ts), written inside its service worker or one of its pages — the only places
 * that can (content scripts and the page cannot reach the extension's database).
 */
import type { Page, Worker } from 'playwright-core';
import type { Settings } from '../../../src/shared/settings.ts';

export function writeSettings(where: Worker | Page, settings: Partial<Settings>): Promise<void> {
  const write = async (value: Partial<Settings>) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('freigabe');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('settings', 'readwrite');
        transaction.objectStore('settings').put({ key: 'settings', value });
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  };
  return 'mainFrame' in where ? where.evaluate(write, settings) : where.evaluate(write, settings);
}
