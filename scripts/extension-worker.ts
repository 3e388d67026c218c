/**
 * The extension's service worker from DevTools, for tests and benches: stop it as Chrome lets one
 * go, open a DevTools session to it, read its JavaScript heap.
 */
import type { ExtensionBrowser } from './extension-browser.ts';

interface ServiceWorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops the extension's service worker as Chrome does when it lets one go (DevTools
 * `ServiceWorker.stopWorker`): its timers, fetches and memory are gone; the next event (a message,
 * an alarm, a tab opened or closed) starts it again, and `browser.worker` then evaluates in the new
 * instance. The ServiceWorker domain lives on page sessions, not on the browser session, so this
 * uses a tab that is already open: opening or closing one would wake the worker at once (its
 * `tabs.*` listeners). Resolves once no worker target of the extension is left.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, timeoutMs = 15_000): Promise<void> {
  const [page] = browser.context.pages();
  if (!page) throw new Error('stopServiceWorker: needs an open tab for its DevTools session');
  const cdp = await browser.context.newCDPSession(page);
  const targets = await browser.context.browser()?.newBrowserCDPSession();
  const versions = new Map<string, ServiceWorkerVersion>();
  /** versions seen stopped after the stop was asked for (an event may start one again at once: a job's alarm) */
  const seenStopped = new Set<string>();
  let asked = false;
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions as ServiceWorkerVersion[]) {
      versions.set(version.versionId, version);
      if (asked && version.runningStatus === 'stopped') seenStopped.add(version.versionId);
    }
  });
  const workerTargets = async () =>
    ((await targets?.send('Target.getTargets')) ?? { targetInfos: [] }).targetInfos
      .filter((info) => info.type === 'service_worker' && info.url === browser.worker.url())
      .map((info) => info.targetId);
  const ours = () => [...versions.values()].filter((version) => version.scriptURL.startsWith(browser.extensionUrl('')));
  const deadline = Date.now() + timeoutMs;
  const until = async (done: () => boolean | Promise<boolean>, what: string) => {
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`stopServiceWorker: ${what} within ${timeoutMs} ms`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
  };
  try {
    await cdp.send('ServiceWorker.enable');
    await until(() => ours().some((version) => version.runningStatus !== 'stopped'), 'no running worker seen');
    const before = await workerTargets();
    const stopping = ours().filter((version) => version.runningStatus !== 'stopped');
    asked = true;
    for (const version of stopping) await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    // Stopped once, and the old instance's target gone: a new instance may be running already (an
    // alarm or a message woke it at once) — what was in memory is gone either way.
    await until(async () => {
      const stopped = stopping.every(
        (version) => seenStopped.has(version.versionId) || versions.get(version.versionId)?.runningStatus === 'stopped',
      );
      const now = await workerTargets();
      return stopped && !before.some((id) => now.includes(id));
    }, 'the worker did not stop');
  } finally {
    await cdp.send('ServiceWorker.disable').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
    await targets?.detach().catch(() => undefined);
  }
}

/** A DevTools session attached to the extension's service worker (its commands and its events). */
export interface ServiceWorkerSession {
  call<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** the worker's DevTools events of this method (e.g. `Network.requestWillBeSent`) */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  close(): Promise<void>;
}

/**
 * A DevTools session to the extension's service worker, attached to its target from the browser
 * session. Sessions to workers are not exposed by Playwright, so the commands travel as
 * `Target.sendMessageToTarget`.
 */
export async function serviceWorkerSession(browser: ExtensionBrowser): Promise<ServiceWorkerSession> {
  const cdp = await browser.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('serviceWorkerSession: no browser session');
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((info) => info.type === 'service_worker' && info.url === browser.worker.url());
  if (!target) throw new Error('serviceWorkerSession: the service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: unknown };
  const waiting = new Map<number, (message: Message) => void>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as Message;
    if (message.id === undefined) {
      for (const listener of listeners.get(message.method ?? '') ?? []) listener(message.params ?? {});
      return;
    }
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  return {
    async call<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      const answer = new Promise<Message>((resolve) => waiting.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const { result, error } = await answer;
      if (!result) throw new Error(`${method}: ${JSON.stringify(error)}`);
      return result as T;
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}

/** The JavaScript heap of the extension's service worker (`Runtime.getHeapUsage`). */
export async function serviceWorkerHeap(browser: ExtensionBrowser): Promise<{
  usedBytes(): Promise<number>;
  collectGarbage(): Promise<void>;
  close(): Promise<void>;
}> {
  const session = await serviceWorkerSession(browser);
  return {
    async usedBytes() {
      return (await session.call<{ usedSize?: number }>('Runtime.getHeapUsage')).usedSize ?? 0;
    },
    async collectGarbage() {
      await session.call('HeapProfiler.collectGarbage');
    },
    close: () => session.close(),
  };
}
