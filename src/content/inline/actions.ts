/**
 * Which actions a comment offers on the page, by its status and what the user may do — read from
 * the shared model (src/shared/moderation.ts), the same table the popup reads.
 */
import {
  decisionsFor,
  keyOf,
  decisionForKey as modelDecisionForKey,
  requestedDecisions,
} from '../../shared/moderation.ts';
import type { InlineDecision } from './api.ts';

export type ActionName = InlineDecision | 'openAdmin' | 'details' | 'history';

export interface Action {
  name: ActionName;
  /** the page's keyboard shortcut */
  key: string | null;
}

/** Each decision's key, as shown on its button. */
export const shortcuts: Partial<Record<InlineDecision, string>> = Object.fromEntries(
  requestedDecisions.flatMap((name) => {
    const key = keyOf(name);
    return key ? [[name, key]] : [];
  }),
);

export function actionsFor(status: string, canModerate: boolean): Action[] {
  if (!canModerate) return [];
  return [
    ...decisionsFor(status, canModerate).map((name) => ({ name, key: keyOf(name) })),
    { name: 'openAdmin' as const, key: null },
    // Email and IP stay off the page until the moderator asks, one comment at a time.
    { name: 'details' as const, key: null },
    // The commenter's history, in the queue's own panel (opened in a tab): one click from the article.
    { name: 'history' as const, key: null },
  ];
}

/** The decision a key stands for on a comment of this status, if it offers one. */
export function decisionForKey(key: string, status: string): InlineDecision | null {
  return modelDecisionForKey(key, status);
}
