/** The reactions overview for the article, in the inline view's parts file (parts-script.ts). */
import { h, render } from 'preact';
import type { MountPart } from '../LazyPart.tsx';
import { ReactionsPanel } from '../ReactionsPanel.tsx';
import { reactionsOf } from '../reactions.ts';
import type { ReactionsPartProps } from './mount.ts';

const mount: MountPart<ReactionsPartProps> = (container, { comments, pageComments, approvedTotals, onClose }) => {
  render(h(ReactionsPanel, { reactions: reactionsOf(comments, pageComments, approvedTotals), onClose }), container);
  return () => render(null, container);
};

globalThis.freigabeMountReactions = mount;
