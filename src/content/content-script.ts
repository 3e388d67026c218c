/**
 * The content script, registered only for connected sites. It looks at the page once and tells the
 * background what it found; the background decides everything else (and injects the inline view
 * into articles). Small on purpose: it runs on every page of a connected site.
 */
import { sendToBackground } from '../shared/messages.ts';
import { reportError } from '../shared/report-error.ts';
import { detectPage } from './detect/index.ts';

const marker = Symbol.for('freigabe.content');
type Marked = typeof globalThis & { [marker]?: boolean };

if (!(globalThis as Marked)[marker]) {
  (globalThis as Marked)[marker] = true;
  const page = detectPage(document, new URL(location.href));
  // Where the inline view (and the background, probing a site not connected yet) reads it.
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('freigabe.page')] = page;
  if (page.isWordPress) {
    // Elements stay here: the background gets a summary.
    const summary = {
      isWordPress: page.isWordPress,
      restRoot: page.restRoot,
      postId: page.postId,
      commentsInDom: page.commentsInDom,
    };
    // An extension updated under the page is classified and stays quiet; anything else is printed.
    sendToBackground({ type: 'pageDetected', page: summary }).catch((error: unknown) =>
      reportError(error, { where: 'content: page detected' }),
    );
  }
}
