/** The job sheet and strip, chunks of their own, loaded the first time they are needed. */
import type { ComponentProps } from 'preact';
import { useLiveQuery } from '../../shared/ui/use-live-query.ts';
import { LazyComponent } from '../lazy-component.tsx';
import type { JobSheet } from './JobSheet.tsx';
import type { JobStrip } from './JobStrip.tsx';

const loadSheet = () => import('./JobSheet.tsx').then((module) => module.JobSheet);
const loadStrip = () => import('./JobStrip.tsx').then((module) => module.JobStrip);

export function LazyJobSheet(props: ComponentProps<typeof JobSheet>) {
  return <LazyComponent load={loadSheet} props={props} />;
}

/** The strip once the jobs table holds anything (one count, read live). */
export function LazyJobStrip(props: ComponentProps<typeof JobStrip>) {
  const count = useLiveQuery(() => props.db.jobs.count(), [props.db]);
  return count.state === 'ready' && count.value > 0 ? <LazyComponent load={loadStrip} props={props} /> : null;
}
