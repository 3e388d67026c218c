/** The block form for the article, in the inline view's parts file (parts-script.ts, ADR 030). */
import { h, render } from 'preact';
import { BlockPanel } from './BlockPanel.tsx';
import type { MountBlockPanel } from './mount.ts';

const mount: MountBlockPanel = (container, props) => {
  render(h(BlockPanel, props), container);
  return () => render(null, container);
};

globalThis.freigabeMountBlockPanel = mount;
