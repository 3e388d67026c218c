/**
 * Where the reactions overview goes below the summary bar: a box its own file renders into once the
 * background has injected it (the first time the overview opens in the tab; later at once).
 */
import { t } from '../../../shared/i18n.ts';
import { sendToBackground } from '../../../shared/messages.ts';
import { LazyPart } from '../LazyPart.tsx';
import type { ReactionsPartProps } from './mount.ts';
import './mount.ts';

const load = () => sendToBackground({ type: 'loadReactionsPanel' });
const errorText = (error: unknown) => t('inlineError', [error instanceof Error ? error.message : String(error)]);

export function LazyReactionsPanel(props: ReactionsPartProps) {
  return (
    <LazyPart
      mounted={() => globalThis.freigabeMountReactions}
      load={load}
      props={props}
      class="reactions-part"
      errorText={errorText}
    />
  );
}
