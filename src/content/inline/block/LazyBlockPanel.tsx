/**
 * Where the block form goes under a comment's toolbar: a box the form's own file renders into once
 * the background has injected it (the first time; later at once). Unmounted with the box.
 */
import { blockErrorText } from '../../../shared/ui/block-texts.ts';
import { LazyPart } from '../LazyPart.tsx';
import type { BlockPanelProps } from './BlockPanel.tsx';
import { inlineBlockApi } from './block-api.ts';
import './mount.ts';

export function LazyBlockPanel(props: BlockPanelProps) {
  return (
    <LazyPart
      mounted={() => globalThis.freigabeMountBlockPanel}
      load={inlineBlockApi.loadPanel}
      props={props}
      class="block-panel"
      errorText={blockErrorText}
    />
  );
}
