/** The history panel, a chunk of its own, loaded the first time a name is clicked. */
import type { ComponentProps } from 'preact';
import { LazyComponent } from '../lazy-component.tsx';
import type { HistoryPanel } from './HistoryPanel.tsx';

const load = () => import('./HistoryPanel.tsx').then((module) => module.HistoryPanel);

export function LazyHistoryPanel(props: ComponentProps<typeof HistoryPanel>) {
  return <LazyComponent load={load} props={props} />;
}
