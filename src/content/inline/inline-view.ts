/**
 * The inline view's entry, injected by the background into an article of a connected site (see
 * src/background/inline/inject.ts). It reuses what the content script detected, and steps in for
 * an instance an extension update left behind (handover.ts: only that one steps aside, never on
 * the page's word).
 */
import { browser } from '../../shared/browser.ts';
import { changedMessageType } from '../../shared/inline-protocol.ts';
import { detectPage, findComments, type PageModel } from '../detect/index.ts';
import { inlineApi } from './api.ts';
import { announceTakeover, stepAsideWhenReplaced } from './handover.ts';
import { removeHosts } from './hosts.ts';
import { InlineView } from './view.ts';

const running = Symbol.for('freigabe.inline');
const pageKey = Symbol.for('freigabe.page');
type Globals = typeof globalThis & { [running]?: boolean; [pageKey]?: PageModel };

const globals = globalThis as Globals;
if (!globals[running]) {
  globals[running] = true;
  // An instance from before an extension update steps aside, and unmounts its UI as it goes; what
  // an older build without that left behind is removed.
  announceTakeover(document);
  removeHosts(document);
  const controller = new AbortController();
  const { signal } = controller;
  stepAsideWhenReplaced(document, { signal, stepAside: () => controller.abort() });
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
  // The view unmounts and removes its own hosts (an open editor saves its draft as it goes).
  signal.addEventListener('abort', () => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension is gone (that is why this instance steps aside): nothing to remove from.
    }
    globals[running] = false;
  });
  void view.start();
}
