/**
 * The keyboard help and the question before deleting for good, chunks of their own (with the
 * dialog frame the other lazily loaded panels share): the first screen does not load them.
 */
import type { ComponentProps } from 'preact';
import { LazyComponent } from '../lazy-component.tsx';
import type { ConfirmDelete } from './ConfirmDelete.tsx';
import type { HelpOverlay } from './HelpOverlay.tsx';

const loadHelp = () => import('./HelpOverlay.tsx').then((module) => module.HelpOverlay);
const loadConfirm = () => import('./ConfirmDelete.tsx').then((module) => module.ConfirmDelete);

export function LazyHelpOverlay(props: ComponentProps<typeof HelpOverlay>) {
  return <LazyComponent load={loadHelp} props={props} />;
}

export function LazyConfirmDelete(props: ComponentProps<typeof ConfirmDelete>) {
  return <LazyComponent load={loadConfirm} props={props} />;
}
