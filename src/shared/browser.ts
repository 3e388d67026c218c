/**
 * The only import of webextension-polyfill. Everything else uses `browser` from here, so unit
 * tests replace this one module (vitest aliases the polyfill to an in-memory fake browser).
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
