/**
 * The job sheet and strip, loaded the first time they are needed: the popup's first screen does not
 * pay for them (its budget is 86 kB gzip, test/e2e/build-output.test.ts).
 */
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '../../shared/ui/use-live-query.ts';
import type { JobSheet } from './JobSheet.tsx';
import type { JobStrip } from './JobStrip.tsx';

interface Modules {
  sheet: typeof JobSheet;
  strip: typeof JobStrip;
}
const loaded: Partial<Modules> = {};
const loaders: { [K in keyof Modules]: () => Promise<Modules[K]> } = {
  sheet: () => import('./JobSheet.tsx').then((module) => module.JobSheet),
  strip: () => import('./JobStrip.tsx').then((module) => module.JobStrip),
};

/** The component once its chunk is loaded (null until then); loaded once per popup. */
function useLoaded<K extends keyof Modules>(name: K): Modules[K] | null {
  const [component, setComponent] = useState<Modules[K] | null>(() => loaded[name] ?? null);
  useEffect(() => {
    if (component) return;
    let alive = true;
    void loaders[name]().then((found) => {
      loaded[name] = found;
      if (alive) setComponent(() => found);
    });
    return () => {
      alive = false;
    };
  }, [component, name]);
  return component;
}

export function LazyJobSheet(props: ComponentProps<typeof JobSheet>) {
  const Sheet = useLoaded('sheet');
  return Sheet ? <Sheet {...props} /> : null;
}

function LoadedStrip(props: ComponentProps<typeof JobStrip>) {
  const Strip = useLoaded('strip');
  return Strip ? <Strip {...props} /> : null;
}

/** The strip once the jobs table holds anything (one count, read live). */
export function LazyJobStrip(props: ComponentProps<typeof JobStrip>) {
  const count = useLiveQuery(() => props.db.jobs.count(), [props.db]);
  return count.state === 'ready' && count.value > 0 ? <LoadedStrip {...props} /> : null;
}
