/** The reply and edit box, a chunk of its own: loaded the first time one opens (the popup's first screen does not carry it). */
import type { ComponentProps } from 'preact';
import { LazyComponent } from '../lazy-component.tsx';
import type { ReplyBox } from './ReplyBox.tsx';

const load = () => import('./ReplyBox.tsx').then((module) => module.ReplyBox);

export function LazyReplyBox(props: ComponentProps<typeof ReplyBox>) {
  return <LazyComponent load={load} props={props} />;
}
