/**
 * Reaches into Freigabe's closed shadow roots from a test, the way only the browser's own devtools
 * can (CDP pierces closed roots; page scripts and Playwright locators cannot). Clicks are real mouse
 * events at the element's position, so they arrive as trusted user input.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * A host by its place among the rendered hosts of its kind, or by its `key` (from `hosts`), which
 * stays its own while cards still render in the page's idle time and move the places: the soak
 * replied to the card before the one it meant after such a render (seed 4170).
 */
export type HostRef = number | { key: string };

export interface ShadowUi {
  /** rendered hosts of one kind (card, toolbar, summary, reactions) in document order, each with its shadow root */
  hosts(kind: string): Promise<{ attributes: Record<string, string>; shadowRootId: number; key: string }[]>;
  /** text of everything inside the hosts of one kind */
  text(kind: string): Promise<string[]>;
  /** clicks the first element matching `selector` inside the `index`th host of `kind` */
  click(kind: string, index: HostRef, selector: string): Promise<void>;
  /** a property (e.g. value) of the first element matching `selector` in that host */
  property(kind: string, index: HostRef, selector: string, name: string): Promise<unknown>;
  /** whether that element has the focus inside its shadow root */
  focused(kind: string, index: HostRef, selector: string): Promise<boolean>;
  /** scrolls the first element matching `selector` in that host to the middle of the viewport */
  reveal(kind: string, index: HostRef, selector: string): Promise<void>;
  /** every visible element matching `selector` in every host of `kind`: its label, size and middle */
  boxes(
    kind: string,
    selector: string,
  ): Promise<{ label: string; width: number; height: number; x: number; y: number }[]>;
  close(): Promise<void>;
}

function attributesOf(node: DomNode): Record<string, string> {
  const result: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) result[list[i] as string] = list[i + 1] as string;
  return result;
}

/**
 * Runs on the element: scrolls it to the middle, waits until its box stands still for 100 ms, and
 * answers its middle and whether that point hits it (not a fixed bar, not a neighbour).
 */
export const aimAt = `async function () {
  this.scrollIntoView({ block: 'center', inline: 'center' });
  const box = () => this.getBoundingClientRect();
  let before = box();
  for (let i = 0; i < 20; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = box();
    const still = now.x === before.x && now.y === before.y && now.width === before.width && now.height === before.height;
    before = now;
    if (still) break;
  }
  const x = before.x + before.width / 2;
  const y = before.y + before.height / 2;
  const top = this.getRootNode().elementFromPoint(x, y);
  return { x, y, hit: top !== null && (top === this || this.contains(top)) };
}`;

export async function shadowUi(page: Page): Promise<ShadowUi> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');

  async function hosts(kind: string) {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found: { attributes: Record<string, string>; shadowRootId: number; key: string }[] = [];
    const walk = (node: DomNode, hostKind: string | null) => {
      const attributes = attributesOf(node);
      const kindHere = attributes['data-freigabe-host'] ?? hostKind;
      const shadow = node.shadowRoots?.[0];
      // Rendered: its mount holds something (new cards render in the page's idle time, an empty host is not there yet).
      const rendered = shadow?.children?.some((child) => child.nodeName === 'DIV' && (child.children?.length ?? 0) > 0);
      if (shadow && rendered && kindHere === kind)
        found.push({ attributes, shadowRootId: shadow.nodeId, key: String(shadow.backendNodeId) });
      // A card's host may wrap the element that carries the root (list items cannot).
      for (const child of node.children ?? []) walk(child, attributes['data-freigabe-host'] ? kindHere : null);
    };
    walk(root, null);
    return found;
  }

  async function find(kind: string, index: HostRef, selector: string): Promise<number> {
    const all = await hosts(kind);
    const host = typeof index === 'number' ? all[index] : all.find((one) => one.key === index.key);
    if (!host) throw new Error(`no ${kind} host ${JSON.stringify(index)}`);
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: host.shadowRootId, selector })) as {
      nodeId: number;
    };
    if (!nodeId) throw new Error(`nothing matches ${selector} in ${kind} ${JSON.stringify(index)}`);
    return nodeId;
  }

  async function callOn<T>(nodeId: number, declaration: string): Promise<T> {
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: declaration,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T } };
    return result.value;
  }

  return {
    hosts,
    async text(kind) {
      const texts: string[] = [];
      for (const host of await hosts(kind)) {
        texts.push(await callOn<string>(host.shadowRootId, 'function () { return this.textContent; }'));
      }
      return texts;
    },
    async click(kind, index, selector) {
      const nodeId = await find(kind, index, selector);
      // To the middle of the viewport: "if needed" leaves a button at the edge, where a theme's fixed
      // bar (WordPress's admin bar) can take the click. Then, as Playwright does for its own clicks,
      // only once the element stood still for a moment and is what the point hits: on a loaded
      // machine the page may still move (a late card, the theme's fonts), and a click measured
      // before that lands beside the button — CI lost an approval that way.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const aim = await callOn<{ x: number; y: number; hit: boolean }>(nodeId, aimAt);
        if (aim.hit) {
          await page.mouse.click(aim.x, aim.y);
          return;
        }
        if (Date.now() > deadline)
          throw new Error(`${selector} in ${kind} ${JSON.stringify(index)} stays covered or moving`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async property(kind, index, selector, name) {
      const nodeId = await find(kind, index, selector);
      return callOn(nodeId, `function () { return this[${JSON.stringify(name)}]; }`);
    },
    async focused(kind, index, selector) {
      const nodeId = await find(kind, index, selector);
      return callOn<boolean>(nodeId, 'function () { return this.getRootNode().activeElement === this; }');
    },
    async reveal(kind, index, selector) {
      const nodeId = await find(kind, index, selector);
      await callOn(nodeId, "function () { this.scrollIntoView({ block: 'center', inline: 'center' }); }");
    },
    async boxes(kind, selector) {
      const all: { label: string; width: number; height: number; x: number; y: number }[] = [];
      for (const host of await hosts(kind)) {
        const found = await callOn<typeof all>(
          host.shadowRootId,
          `function () {
            return [...this.querySelectorAll(${JSON.stringify(selector)})]
              .filter((element) => element.getClientRects().length > 0)
              .map((element) => {
                const rect = element.getBoundingClientRect();
                return { label: element.textContent.trim(), width: rect.width, height: rect.height,
                  x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
              });
          }`,
        );
        all.push(...found);
      }
      return all;
    },
    close: () => cdp.detach(),
  };
}
