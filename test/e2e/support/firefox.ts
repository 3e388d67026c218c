/**
 * What the Firefox e2e files share: Firefox ESR with the extension's Firefox test build, the editor
 * logged in and connected, the extension's database read and written from one of its pages (the
 * event page has no handle of its own over BiDi), screenshots as test-results/screenshots/firefox-*,
 * and a way into Freigabe's closed shadow roots (see `firefoxShadowUi`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { readStore as readStoreIn, screenshotDir, writeSettings } from '../../../scripts/extension-browser.ts';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../../scripts/firefox-browser.ts';
import type { DemoSiteUser } from '../../../scripts/wp/index.ts';
import { aimAt, type HostRef, type ShadowUi } from './shadow.ts';

export type { FirefoxWithExtension };

export async function logIn(firefox: FirefoxWithExtension, url: string, login: string, password: string) {
  const tab = await firefox.browser.newPage();
  await tab.goto(`${url}/wp-login.php`);
  await tab.type('#user_login', login);
  await tab.type('#user_pass', password);
  // Enter in the password field, as a person does (a click on a form still laying out can be lost).
  await Promise.all([tab.waitForNavigation(), tab.keyboard.press('Enter')]);
  return tab;
}

/** Connects the site on the options page with a pasted Application Password; the result's text. */
export async function connectWithApplicationPassword(
  firefox: FirefoxWithExtension,
  url: string,
  username: string,
  password: string,
): Promise<string> {
  const options = firefox.options;
  await options.type('input[name="url"]', url);
  await options.click('summary');
  await options.type('input[name="username"]', username);
  await options.type('input[name="password"]', password);
  await options.click('button[data-method="password"]');
  await options.waitForSelector('.connect-result.done, .connect-result.failed', { timeout: 30000 });
  return (await options.$eval('.connect-result', (element) => element.textContent ?? '')).trim();
}

/**
 * Firefox as the on-page tests need it: the editor logged in to WordPress, the site connected by
 * Application Password, the given undo window, no notifications.
 */
export async function launchFirefoxAsEditor(
  url: string,
  editor: Pick<DemoSiteUser, 'login' | 'password' | 'applicationPassword'>,
  undoWindowSeconds: number,
): Promise<FirefoxWithExtension> {
  const firefox = await launchFirefoxWithExtension();
  const tab = await logIn(firefox, url, editor.login, editor.password);
  await tab.close();
  const result = await connectWithApplicationPassword(firefox, url, editor.login, editor.applicationPassword);
  if (!result.startsWith('Connected')) throw new Error(`Firefox could not connect: ${result}`);
  await setSettings(firefox.options, { undoWindowSeconds, syncIntervalMinutes: 2, notifyNewPending: false });
  return firefox;
}

// The helpers of scripts/extension-browser.ts only call `evaluate(fn, arg)`, which a puppeteer page has too.
export const readStore = <T>(page: Page, store: string) => readStoreIn<T>(page as unknown as Worker, store);
export const setSettings = (page: Page, settings: Record<string, number | boolean>) =>
  writeSettings(page as unknown as Worker, settings);

/**
 * A runtime message from an extension page, sent again while the event page is not listening yet
 * ("Receiving end does not exist": seen once, at load 16, right after the previous test). The
 * popup's own sendToBackground does not retry yet: see the closing note of session 7.
 */
export const sendMessage = <T>(page: Page, message: unknown) =>
  page.evaluate(async (m) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await chrome.runtime.sendMessage(m);
      } catch (error) {
        if (attempt >= 5 || !/Receiving end does not exist/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }, message) as Promise<{ ok: boolean; value: T; error?: unknown }>;

/** The popup in a tab of the popup's size, the queue synced and filtered to one post. */
export async function openPopupOnPost(firefox: FirefoxWithExtension, post: number): Promise<Page> {
  const popup = await firefox.openExtensionPage('src/popup/index.html');
  await popup.setViewport({ width: 460, height: 600 });
  await popup.waitForSelector('.queue [role="row"], .empty');
  await sendMessage(popup, { type: 'syncNow' });
  const siteId = (await readStore<{ id: string }>(popup, 'sites'))[0]?.id ?? '';
  const value = `${siteId}\n${post}`;
  await popup.waitForFunction(
    (value) =>
      [...(document.querySelector('select[name="post"]') as HTMLSelectElement).options].some((o) => o.value === value),
    {},
    value,
  );
  await popup.select('select[name="post"]', value);
  await popup.waitForSelector('.queue [role="row"]');
  return popup;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `firefox-${name}.png`) as `${string}.png`;
  // The viewport, not the full page: Firefox repeats fixed bars (the admin bar) in a full-page capture.
  await page.screenshot({ path });
  return path;
}

interface RemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}
interface NodeValue extends RemoteValue {
  value?: { attributes?: Record<string, string>; shadowRoot?: RemoteValue | null };
}
type CallResult = { type: 'success'; result: RemoteValue } | { type: 'exception'; exceptionDetails: { text: string } };
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: CallResult }>;
}

/**
 * Freigabe's closed shadow roots, reached from the test the way only the automation can: WebDriver
 * BiDi serializes a node's shadow root, closed ones too, when asked (`includeShadowTree: 'all'`),
 * and its reference can be the `this` of a call. Page scripts still see none. Clicks and keys are
 * BiDi input actions at the element's position: trusted user input, as in Chromium's `shadowUi`.
 */
export async function firefoxShadowUi(page: Page): Promise<ShadowUi> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;

  async function call(functionDeclaration: string, options: { this?: RemoteValue; args?: unknown[] } = {}) {
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration,
      awaitPromise: true,
      target: { context },
      ...(options.this ? { this: { sharedId: options.this.sharedId } } : {}),
      arguments: (options.args ?? []).map((value) =>
        typeof value === 'number' ? { type: 'number', value } : { type: 'string', value: String(value) },
      ),
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0, maxObjectDepth: 1, includeShadowTree: 'all' },
    });
    if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
    return result.result;
  }

  async function hosts(kind: string) {
    // The element that carries the root: the host itself, or the one it wraps (a card in an `ol`).
    const list = await call(
      `(kind) => [...document.querySelectorAll('[data-freigabe-host="' + kind + '"]')]
        .map((host) => (host.tagName === 'LI' ? host.firstElementChild : host))`,
      { args: [kind] },
    );
    const nodes = (list.value as NodeValue[] | undefined) ?? [];
    const found = nodes.flatMap((node) => {
      const root = node.value?.shadowRoot;
      return root?.sharedId ? [{ attributes: node.value?.attributes ?? {}, shadowRoot: root }] : [];
    });
    // Rendered only: new cards render in the page's idle time, an empty host is not there yet.
    const rendered = await Promise.all(
      found.map(
        async (host) =>
          (
            await call(
              'function () { return this.childElementCount > 0 && [...this.children].some((child) => child.localName === "div" && child.childNodes.length > 0); }',
              { this: host.shadowRoot },
            )
          ).value === true,
      ),
    );
    return found.filter((_, index) => rendered[index]);
  }

  async function find(kind: string, index: HostRef, selector: string): Promise<RemoteValue> {
    const all = await hosts(kind);
    const host = typeof index === 'number' ? all[index] : all.find((one) => one.shadowRoot.sharedId === index.key);
    if (!host) throw new Error(`no ${kind} host ${JSON.stringify(index)}`);
    const found = await call('function (selector) { return this.querySelector(selector); }', {
      this: host.shadowRoot,
      args: [selector],
    });
    if (!found.sharedId) throw new Error(`nothing matches ${selector} in ${kind} ${JSON.stringify(index)}`);
    return found;
  }

  return {
    async hosts(kind) {
      return (await hosts(kind)).map((host, shadowRootId) => ({
        attributes: host.attributes,
        shadowRootId,
        key: String(host.shadowRoot.sharedId),
      }));
    },
    async text(kind) {
      const texts: string[] = [];
      for (const host of await hosts(kind)) {
        texts.push(String((await call('function () { return this.textContent; }', { this: host.shadowRoot })).value));
      }
      return texts;
    },
    async click(kind, index, selector) {
      const element = await find(kind, index, selector);
      // To the middle of the viewport, where no fixed bar (WordPress's admin bar) takes the click, once
      // it stands still and is what the point hits (as Chromium's shadowUi does).
      const deadline = Date.now() + 10_000;
      for (;;) {
        const box = await call(`async function () { return JSON.stringify(await (${aimAt}).call(this)); }`, {
          this: element,
        });
        const { x, y, hit } = JSON.parse(String(box.value)) as { x: number; y: number; hit: boolean };
        if (hit) {
          await page.mouse.click(x, y);
          return;
        }
        if (Date.now() > deadline)
          throw new Error(`${selector} in ${kind} ${JSON.stringify(index)} stays covered or moving`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async property(kind, index, selector, name) {
      const element = await find(kind, index, selector);
      const value = await call('function (name) { return this[name]; }', { this: element, args: [name] });
      return value.type === 'null' ? null : value.value;
    },
    async focused(kind, index, selector) {
      const element = await find(kind, index, selector);
      const value = await call('function () { return this.getRootNode().activeElement === this; }', { this: element });
      return value.value === true;
    },
    async reveal(kind, index, selector) {
      const element = await find(kind, index, selector);
      await call("function () { this.scrollIntoView({ block: 'center', inline: 'center' }); }", { this: element });
    },
    async boxes(kind, selector) {
      const all: { label: string; width: number; height: number; x: number; y: number }[] = [];
      for (const host of await hosts(kind)) {
        const found = await call(
          `function (selector) {
            return JSON.stringify([...this.querySelectorAll(selector)]
              .filter((element) => element.getClientRects().length > 0)
              .map((element) => {
                const rect = element.getBoundingClientRect();
                return { label: element.textContent.trim(), width: rect.width, height: rect.height,
                  x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
              }));
          }`,
          { this: host.shadowRoot, args: [selector] },
        );
        all.push(...(JSON.parse(String(found.value)) as typeof all));
      }
      return all;
    },
    close: async () => undefined,
  };
}
