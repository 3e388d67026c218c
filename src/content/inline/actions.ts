/** Which actions a comment offers, by its status and what the user may do (pure). */
import type { InlineDecision } from './api.ts';

export type ActionName = InlineDecision | 'openAdmin' | 'details';

export interface Action {
  name: ActionName;
  /** the page's keyboard shortcut */
  key: string | null;
}

const byStatus: Record<string, InlineDecision[]> = {
  hold: ['approve', 'approveAndReply', 'spam', 'trash', 'edit', 'reply'],
  approved: ['unapprove', 'spam', 'trash', 'edit', 'reply'],
  spam: ['unspam', 'trash', 'delete'],
  trash: ['untrash', 'delete'],
};

export const shortcuts: Partial<Record<InlineDecision, string>> = {
  approve: 'a',
  unapprove: 'u',
  spam: 's',
  trash: 'd',
  reply: 'r',
  approveAndReply: 'q',
  edit: 'e',
};

export function actionsFor(status: string, canModerate: boolean): Action[] {
  if (!canModerate) return [];
  const decisions = byStatus[status] ?? [];
  return [
    ...decisions.map((name) => ({ name, key: shortcuts[name] ?? null })),
    { name: 'openAdmin' as const, key: null },
    // Email and IP stay off the page until the moderator asks, one comment at a time.
    { name: 'details' as const, key: null },
  ];
}

/** The decision a key stands for on a comment of this status, if it offers one. */
export function decisionForKey(key: string, status: string): InlineDecision | null {
  for (const name of byStatus[status] ?? []) if (shortcuts[name] === key) return name;
  return null;
}
