/**
 * The history panel, loaded the first time a name is clicked: the popup's first screen does not pay
 * for it (its budget, test/e2e/build-output.test.ts).
 */
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { HistoryPanel } from './HistoryPanel.tsx';

let loaded: typeof HistoryPanel | null = null;

export function LazyHistoryPanel(props: ComponentProps<typeof HistoryPanel>) {
  const [Panel, setPanel] = useState<typeof HistoryPanel | null>(() => loaded);
  useEffect(() => {
    if (Panel) return;
    let alive = true;
    void import('./HistoryPanel.tsx').then((module) => {
      loaded = module.HistoryPanel;
      if (alive) setPanel(() => module.HistoryPanel);
    });
    return () => {
      alive = false;
    };
  }, [Panel]);
  return Panel ? <Panel {...props} /> : null;
}
