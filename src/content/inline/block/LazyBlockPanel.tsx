/**
 * Where the block form goes under a comment's toolbar: an empty box the form's own file renders
 * into once the background has injected it (the first time; later at once). Unmounted with the box.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { blockErrorText } from '../../../shared/ui/block-texts.ts';
import type { BlockPanelProps } from './BlockPanel.tsx';
import { inlineBlockApi } from './block-api.ts';
import './mount.ts';

export function LazyBlockPanel(props: BlockPanelProps) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const [failed, setFailed] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: mounted once per comment; the callbacks read the latest props
  useEffect(() => {
    let alive = true;
    let unmount: (() => void) | undefined;
    const ready = globalThis.freigabeMountBlockPanel ? Promise.resolve() : inlineBlockApi.loadPanel();
    ready.then(
      () => {
        const mount = globalThis.freigabeMountBlockPanel;
        if (!alive || !mount || !box.current) return;
        unmount = mount(box.current, { ...latest.current, onClose: () => latest.current.onClose() });
      },
      (error: unknown) => alive && setFailed(blockErrorText(error)),
    );
    return () => {
      alive = false;
      unmount?.();
    };
  }, [props.commentId]);
  return (
    <div class="block-panel" ref={box}>
      {failed && (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}
