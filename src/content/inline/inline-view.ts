/**
 * The inline view's entry, injected by the background into an article of a connected site (see
 * src/background/inline/inject.ts). It reuses what the content script detected, and steps in for
 * an instance an extension update left behind.
 */
import { browser } from '../../shared/browser.ts';
import { changedMessageType } from '../../shared/inline-protocol.ts';
import { detectPage, findComments, type PageModel } from '../detect/index.ts';
import { inlineApi } from './api.ts';
import { removeHosts } from './hosts.ts';
import { InlineView } from './view.ts';

const running = Symbol.for('freigabe.inline');
const pageKey = Symbol.for('freigabe.page');
const takeover = 'freigabe:takeover';
type Globals = typeof globalThis & { [running]?: boolean; [pageKey]?: PageModel };

const globals = globalThis as Globals;
if (!globals[running]) {
  globals[running] = true;
  // An instance from before an extension update steps aside, and takes its UI with it.
  document.dispatchEvent(new CustomEvent(takeover));
  removeHosts(document);
  const controller = new AbortController();
  const { signal } = controller;
  document.addEventListener(takeover, () => controller.abort(), { signal });
  const page = globals[pageKey] ?? detectPage(document, new URL(location.href));

  const url = new URL(location.href);
  const view: InlineView = new InlineView({
    doc: document,
    thread: {
      postId: page.postId,
      commentsInDom: page.commentsInDom,
      comments: [...page.comments],
      replyForm: page.replyForm,
      article: page.article,
    },
    api: inlineApi,
    signal,
    // Replies added under a comment already found get it as their parent.
    findComments: (root) => findComments(root, { url, known: view.pageComments }),
  });
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === changedMessageType) void view.refresh();
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    removeHosts(document);
    globals[running] = false;
  });
  void view.start();
}
