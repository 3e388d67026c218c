/**
 * The view "Unreplied", loaded the first time it is opened: the popup's first screen does not pay
 * for it (its budget, test/e2e/build-output.test.ts).
 */
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { UnrepliedView } from './UnrepliedView.tsx';

let loaded: typeof UnrepliedView | null = null;

export function LazyUnrepliedView(props: ComponentProps<typeof UnrepliedView>) {
  const [View, setView] = useState<typeof UnrepliedView | null>(() => loaded);
  useEffect(() => {
    if (View) return;
    let alive = true;
    void import('./UnrepliedView.tsx').then((module) => {
      loaded = module.UnrepliedView;
      if (alive) setView(() => module.UnrepliedView);
    });
    return () => {
      alive = false;
    };
  }, [View]);
  return View ? <View {...props} /> : null;
}
