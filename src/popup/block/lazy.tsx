/** The block dialog, a chunk of its own, loaded the first time it opens. */
import type { ComponentProps } from 'preact';
import { LazyComponent } from '../lazy-component.tsx';
import type { BlockDialog } from './BlockDialog.tsx';

const load = () => import('./BlockDialog.tsx').then((module) => module.BlockDialog);

export function LazyBlockDialog(props: ComponentProps<typeof BlockDialog>) {
  return <LazyComponent load={load} props={props} />;
}
