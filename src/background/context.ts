/**
 * What the background's modules need from the outside world, passed in (style habit 1) so tests
 * can give them a fake browser, a fresh database, another fetch or clock.
 */
import type { Browser } from 'webextension-polyfill';
import type { FreigabeDb } from '../shared/db/index.ts';
import type { Locks } from './locks.ts';

export interface BackgroundContext {
  db: FreigabeDb;
  browser: Browser;
  fetch: typeof fetch;
  now: () => number;
  /** randomness where timing depends on it (backoff jitter) */
  random: () => number;
  /** the built content script's path inside the extension */
  contentScriptFile: string;
  /** the built inline view's path inside the extension (injected into articles) */
  inlineScriptFile: string;
  /** the inline view's block form and reactions overview, injected on first use (ADR 030); absent in tests without a build */
  partsFile?: string;
  /** named locks (sync per site, outbox flush); Web Locks where they exist when left out */
  locks?: Locks;
  /** each REST request's timeout (at most, and by default, the client's 20 s) */
  requestTimeoutMs?: number;
}
