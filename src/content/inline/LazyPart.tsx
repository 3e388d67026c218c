/**
 * A box that a part of the inline view kept out of its file renders into (ADR 030): the part's own
 * file is injected by the background the first time (later it is there at once), then mounted here
 * and given the latest props on every render; unmounted with the box. The inline view is one file
 * with a size budget; the block form and the reactions overview are not in it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** Renders a part into `container` (again with new props: a diff); answers how to unmount it. */
export type MountPart<P> = (container: Element, props: P) => () => void;

export interface LazyPartProps<P> {
  /** the part's mount function, once its file is there */
  mounted: () => MountPart<P> | undefined;
  /** asks the background to inject the part's file into this tab */
  load: () => Promise<unknown>;
  props: P;
  class: string;
  /** what a failed load says, in the user's words */
  errorText: (error: unknown) => string;
}

export function LazyPart<P>({ mounted, load, props, class: className, errorText }: LazyPartProps<P>) {
  const box = useRef<HTMLDivElement>(null);
  const unmount = useRef<(() => void) | null>(null);
  const [ready, setReady] = useState(() => mounted() !== undefined);
  const [failed, setFailed] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per box; the file stays in the tab
  useEffect(() => {
    let alive = true;
    if (!ready)
      load().then(
        () => alive && setReady(true),
        (error: unknown) => alive && setFailed(errorText(error)),
      );
    return () => {
      alive = false;
      unmount.current?.();
      unmount.current = null;
    };
  }, []);
  // Every render: the part gets the latest props (Preact diffs them into what it shows).
  useEffect(() => {
    const mount = ready ? mounted() : undefined;
    if (mount && box.current) unmount.current = mount(box.current, props);
  });
  return (
    <div class={className} ref={box}>
      {failed && (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}
