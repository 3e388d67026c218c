/** The block dialog, a chunk of its own, loaded the first time it opens. */
import { lazyComponent } from '../lazy-component.tsx';

export const LazyBlockDialog = lazyComponent(() => import('./BlockDialog.tsx').then((module) => module.BlockDialog));
