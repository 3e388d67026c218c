/** A background context for tests: fake browser, a fresh database of its own, real or fake fetch. */
import type { Browser } from 'webextension-polyfill';
import type { BackgroundContext } from '../../src/background/context.ts';
import { FreigabeDb } from '../../src/shared/db/index.ts';
import { fakeBrowser } from './fake-browser.ts';

let counter = 0;

export function testContext(overrides: Partial<BackgroundContext> = {}): BackgroundContext {
  counter += 1;
  return {
    db: new FreigabeDb(`freigabe-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`),
    browser: fakeBrowser as unknown as Browser,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => Math.random(),
    contentScriptFile: 'src/content/content-script.js',
    inlineScriptFile: 'src/content/inline/inline-view.js',
    ...overrides,
  };
}
