/**
 * The content script, registered only for connected sites. It looks at the page once and tells the
 * background what it found; the background decides everything else.
 */
import { sendToBackground } from '../shared/messages.ts';
import { detectPage } from './detect/index.ts';

const marker = Symbol.for('freigabe.content');
type Marked = typeof globalThis & { [marker]?: boolean };

if (!(globalThis as Marked)[marker]) {
  (globalThis as Marked)[marker] = true;
  const detected = detectPage(document, new URL(location.href));
  // Only plain data crosses to the background: the page model also holds elements.
  const page = { isWordPress: detected.isWordPress, restRoot: detected.restRoot, postId: detected.postId };
  // Where the background reads it when it ran this script to look at a site not connected yet.
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('freigabe.page')] = page;
  if (page.isWordPress) {
    sendToBackground({ type: 'pageDetected', page }).catch((error: unknown) => {
      console.warn('Freigabe: the extension did not take this page', error);
    });
  }
}
