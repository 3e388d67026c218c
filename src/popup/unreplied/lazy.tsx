/** The view "Unreplied", a chunk of its own, loaded the first time it is opened. */
import type { ComponentProps } from 'preact';
import { LazyComponent } from '../lazy-component.tsx';
import type { UnrepliedView } from './UnrepliedView.tsx';

const load = () => import('./UnrepliedView.tsx').then((module) => module.UnrepliedView);

export function LazyUnrepliedView(props: ComponentProps<typeof UnrepliedView>) {
  return <LazyComponent load={load} props={props} />;
}
