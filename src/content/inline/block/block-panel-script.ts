/**
 * The block form for the article, a file of its own (`?iife`, like the inline view) that the
 * background injects the first time a moderator opens "Block…" there (ADR 030).
 */
import { h, render } from 'preact';
import { BlockPanel } from './BlockPanel.tsx';
import type { MountBlockPanel } from './mount.ts';

const mount: MountBlockPanel = (container, props) => {
  render(h(BlockPanel, props), container);
  return () => render(null, container);
};

globalThis.freigabeMountBlockPanel = mount;
