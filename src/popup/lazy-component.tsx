/**
 * A component loaded the first time it renders (a chunk of its own): the popup's first screen does
 * not pay for what opens later (its budget, test/e2e/build-output.test.ts). Renders nothing until
 * the chunk is in; later renders have it at once.
 */
import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// biome-ignore lint/suspicious/noExplicitAny: any component's props; each use is typed by its own component
export function lazyComponent<C extends FunctionComponent<any>>(load: () => Promise<C>): FunctionComponent<ComponentProps<C>> {
  let loaded: C | null = null;
  return function Lazy(props: ComponentProps<C>) {
    const [Component, setComponent] = useState<C | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let alive = true;
      void load().then((component) => {
        loaded = component;
        if (alive) setComponent(() => component);
      });
      return () => {
        alive = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  };
}
