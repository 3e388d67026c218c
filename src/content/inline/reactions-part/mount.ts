/**
 * How the inline view and the reactions overview's own file meet: the file, injected into the same
 * content-script world when the overview is first opened, leaves its mount function here.
 */
import type { InlineComment } from '../../../shared/inline-protocol.ts';
import type { ArticleTotals } from '../../../shared/moderation.ts';
import type { MountPart } from '../LazyPart.tsx';
import type { PageComment } from '../types.ts';

/** What the overview is worked out from (in its own file): the cached comments, the page's, WordPress's totals. */
export interface ReactionsPartProps {
  comments: readonly InlineComment[];
  pageComments: readonly PageComment[];
  approvedTotals: ArticleTotals | null;
  onClose: () => void;
}

declare global {
  var freigabeMountReactions: MountPart<ReactionsPartProps> | undefined;
}
