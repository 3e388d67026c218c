/**
 * How the inline view and the block form's own file meet: the file, injected into the same
 * content-script world on first use, leaves its mount function here (ADR 030). The inline view is
 * one file with a size budget; the form is not part of it.
 */
import type { MountPart } from '../LazyPart.tsx';
import type { BlockPanelProps } from './BlockPanel.tsx';

/** Renders the form into `container` (with the file's own Preact); answers how to unmount it. */
export type MountBlockPanel = MountPart<BlockPanelProps>;

declare global {
  var freigabeMountBlockPanel: MountBlockPanel | undefined;
}
