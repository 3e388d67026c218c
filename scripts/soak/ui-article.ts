/**
 * The soak's moderator on the article: the comment's permalink opened on the site (through its
 * fault proxy, as the extension knows the site), the inline view's card (a pending comment) or
 * toolbar (an approved one) found in its closed shadow root, and the decision's button clicked —
 * a text typed into the inline editor and sent with its own button. Returns why it could not act,
 * or null when it clicked.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CommentRow } from '../../src/shared/db/index.ts';
import type { RequestedDecision } from '../../src/shared/moderation.ts';
import { type HostRef, type ShadowUi, shadowUi } from '../../test/e2e/support/shadow.ts';
import { screenshotDir } from '../extension-browser.ts';
import { type SoakBrowser, uiPage } from './browser.ts';
import { articleUrl, cardSnippet } from './ui-plan.ts';

const size = { width: 1000, height: 900 };
let shot = false;

/** Polls `find` until it names a host, for up to `ms` (cards render in the page's idle time). */
async function poll<T>(find: () => Promise<T | null>, ms: number): Promise<T | null> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found !== null || Date.now() > until) return found;
    await new Promise((wait) => setTimeout(wait, 300));
  }
}

/** The pending comment's card: the one card whose text holds the comment's (by its key: cards rendered later move the places). */
async function cardOf(ui: ShadowUi, comment: CommentRow): Promise<HostRef | null> {
  const snippet = cardSnippet(comment);
  const hosts = await ui.hosts('card');
  const texts = (await ui.text('card')).map((text) => text.replace(/\s+/g, ' '));
  if (texts.length !== hosts.length) return null;
  const matching = hosts.filter((_, index) => texts[index]?.includes(snippet));
  return matching.length === 1 && matching[0] ? { key: matching[0].key } : null;
}

/** The approved comment's toolbar: the host in the theme's element of the comment (scrolled to), marked for the look-up. */
async function toolbarOf(page: Page, ui: ShadowUi, commentId: number): Promise<HostRef | null> {
  const mark = String(Date.now());
  const marked = await page.evaluate(
    ({ id, value }) => {
      const element = document.getElementById(`comment-${id}`);
      // Toolbars mount as their comment nears the viewport (page-watch.ts): scrolled to, as a reader does.
      element?.scrollIntoView({ block: 'center' });
      const hosts = element ? [...element.querySelectorAll('[data-freigabe-host="toolbar"]')] : [];
      // Its own toolbar, not one of a reply nested in it.
      const own = hosts.find((host) => host.parentElement?.closest('[id^="comment-"]') === element);
      own?.setAttribute('data-soak-target', value);
      return own !== undefined;
    },
    { id: commentId, value: mark },
  );
  if (!marked) return null;
  const host = (await ui.hosts('toolbar')).find((one) => one.attributes['data-soak-target'] === mark);
  return host ? { key: host.key } : null;
}

/** The button that sends the inline editor's text as this decision. */
const submitOf = (decision: RequestedDecision) =>
  decision === 'edit' ? 'edit' : decision === 'approveAndReply' ? 'approveAndReply' : 'reply';

export async function decideOnArticle(
  browser: SoakBrowser,
  siteOrigin: string,
  comment: CommentRow,
  decision: RequestedDecision,
  content: string | null,
): Promise<string | null> {
  const kind = comment.status === 'hold' ? 'card' : comment.status === 'approved' ? 'toolbar' : null;
  if (kind === null) return `no ${comment.status} comments on the article`;
  const page = await uiPage(browser, 'article', size);
  await page.bringToFront();
  const loaded = await page
    .goto(articleUrl(comment.link, siteOrigin), { waitUntil: 'domcontentloaded', timeout: 20_000 })
    .catch((error: unknown) => String(error).slice(0, 120));
  if (typeof loaded === 'string') return `article not loaded: ${loaded}`;
  // A fault's answer (500, a challenge page) shows no article to act on.
  if (loaded && !loaded.ok()) return `article not loaded: HTTP ${loaded.status()}`;
  const ui = await shadowUi(page);
  try {
    const find = () => (kind === 'card' ? cardOf(ui, comment) : toolbarOf(page, ui, comment.id));
    const index = await poll(find, 10_000);
    if (index === null) return `no ${kind} for the comment`;
    await ui.reveal(kind, index, `button[data-action="${decision}"]`);
    if (!shot) {
      shot = true;
      await page.screenshot({ path: join(screenshotDir, 'soak-article.png') });
    }
    await ui.click(kind, index, `button[data-action="${decision}"]`);
    if (content !== null) {
      const typing = await poll(
        async () => ((await ui.focused(kind, index, 'textarea').catch(() => false)) ? 0 : null),
        5_000,
      );
      if (typing === null) return 'the inline editor did not open';
      // An edit starts from the comment's text, a reply from a draft left by an undo: replaced by the soak's whole text.
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(content);
      await ui.click(kind, index, `button[data-submit="${submitOf(decision)}"]`);
    }
    return null;
  } finally {
    await ui.close().catch(() => undefined);
  }
}
