/**
 * A page as a phone shows it: 360 × 640, touch, no hover, a coarse pointer (Chromium's own device
 * emulation over CDP; the test browser's persistent context has no touch of its own). Applied after
 * the page has loaded: an extension page that reloads loses it (its renderer is a new one), so
 * callers emulate again after a navigation. Taps are real touch events, not clicks.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface Phone {
  cdp: CDPSession;
  /** touches the middle of the first element matching `selector` */
  tap(selector: string): Promise<void>;
  /** touches a point of the viewport */
  tapAt(point: { x: number; y: number }): Promise<void>;
  /** every element matching `selector` that is visible, with its size */
  sizes(selector: string): Promise<{ label: string; width: number; height: number }[]>;
  /** whether the page is wider than the screen (it would scroll sideways) */
  scrollsSideways(): Promise<boolean>;
}

export const phoneSize = { width: 360, height: 640 };

export async function asPhone(page: Page): Promise<Phone> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...phoneSize, deviceScaleFactor: 2, mobile: true });
  // What the CSS asks: the emulation took (it answers for the page's renderer, not the browser's).
  const touch = await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches);
  if (!touch) throw new Error('touch emulation did not take: (hover: none) and (pointer: coarse) does not match');
  const tapAt = async (point: { x: number; y: number }) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  return {
    cdp,
    tapAt,
    async tap(selector) {
      const target = page.locator(selector).first();
      await target.scrollIntoViewIfNeeded();
      const box = await target.boundingBox();
      if (!box) throw new Error(`nothing to tap: ${selector}`);
      await tapAt({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    },
    sizes(selector) {
      return page.$$eval(selector, (elements) =>
        elements
          .filter((element) => (element as HTMLElement).offsetParent !== null)
          .map((element) => {
            const rect = element.getBoundingClientRect();
            const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
            return { label: label || element.outerHTML.slice(0, 60), width: rect.width, height: rect.height };
          }),
      );
    },
    // With a mobile viewport a page wider than the screen widens the layout instead: both count.
    scrollsSideways: () =>
      page.evaluate(
        (width) => Math.max(document.documentElement.scrollWidth, window.innerWidth) > width,
        phoneSize.width,
      ),
  };
}
