/** The local reputation keys of a commenter — the very keys the background records (shared/reputation.ts) — with their kind. */
import type { CommentRow } from '../../shared/db/index.ts';
import { reputationKeys as keysOf } from '../../shared/reputation.ts';

export type ReputationKind = 'email' | 'host' | 'ip';

export function reputationKeys(comment: CommentRow): { kind: ReputationKind; key: string }[] {
  return keysOf(comment).map((key) => ({ kind: key.slice(0, key.indexOf(':')) as ReputationKind, key }));
}
