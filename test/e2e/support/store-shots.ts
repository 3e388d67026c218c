/**
 * Store images from real screenshots: a page of the extension or the blog, shot in Chromium, framed
 * at exactly the size a store asks for (1280×800), with the popup laid over the article the way the
 * browser shows it and a one-line caption. The frame is plain HTML rendered by the same Chromium.
 */
import type { BrowserContext } from 'playwright-core';

export { pngSize } from '../../support/png.ts';

export const storeSize = { width: 1280, height: 800 };

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

export interface Frame {
  /** a 1280×800 screenshot of the page behind */
  backdrop: Buffer;
  /** the popup, laid over the backdrop's top right corner like the browser's own popup */
  popup?: Buffer;
  caption: string;
  lang: string;
}

export async function frame(context: BrowserContext, { backdrop, popup, caption, lang }: Frame): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(storeSize);
    await page.setContent(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${storeSize.width}px; height: ${storeSize.height}px; overflow: hidden; }
  body { position: relative; font-family: 'DejaVu Sans', system-ui, sans-serif; background: #fff; }
  .backdrop { position: absolute; inset: 0; width: 100%; height: 100%; ${popup ? 'filter: brightness(0.82);' : ''} }
  .popup { position: absolute; top: 12px; right: 24px; border-radius: 8px; border: 1px solid #c7cdd1;
    box-shadow: 0 12px 40px rgba(0, 0, 0, 0.35); background: #fff; }
  .caption { position: absolute; left: 24px; bottom: 24px; max-width: ${popup ? 700 : 1000}px; padding: 14px 22px;
    border-radius: 10px; background: rgba(20, 83, 54, 0.94); color: #fff; font-size: 26px; line-height: 1.3;
    font-weight: bold; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.3); }
</style></head><body>
  <img class="backdrop" src="${dataUrl(backdrop)}" alt="">
  ${popup ? `<img class="popup" src="${dataUrl(popup)}" alt="">` : ''}
  <div class="caption">${escapeHtml(caption)}</div>
</body></html>`);
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    return await page.screenshot({ clip: { x: 0, y: 0, ...storeSize } });
  } finally {
    await page.close();
  }
}
