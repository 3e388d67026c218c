/**
 * A component loaded the first time it renders (a chunk of its own): the popup's first screen does
 * not pay for what opens later (its budget, test/e2e/build-output.test.ts). Renders nothing until
 * the chunk is in; later renders have it at once. A chunk that cannot load (the extension updated
 * under the open popup) says so where the part would be, and is reported. `load` must be a
 * module-level function: it keys what was loaded.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { reportError } from '../shared/report-error.ts';

const loaded = new Map<unknown, unknown>();

interface Props<P> {
  load: () => Promise<ComponentType<P>>;
  props: P;
}

export function LazyComponent<P>({ load, props }: Props<P>) {
  const [Component, setComponent] = useState(() => (loaded.get(load) as ComponentType<P> | undefined) ?? null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (Component) return;
    let alive = true;
    load().then(
      (component) => {
        loaded.set(load, component);
        if (alive) setComponent(() => component);
      },
      (error: unknown) => {
        reportError(error, { where: 'popup: load a part of the popup' });
        if (alive) setFailed(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      alive = false;
    };
  }, [Component, load]);
  if (Component) return <Component {...(props as P & object)} />;
  return failed === null ? null : (
    <p class="notice error" role="alert">
      {t('popupPartFailed', [failed])}
    </p>
  );
}
