/** The inline view's requests. The background finds the site from the sender, never from us. */

import { sendToBackground } from '../../shared/messages.ts';
import type { DraftKind, RequestedDecision } from '../../shared/moderation.ts';

export type InlineDecision = RequestedDecision;

export const inlineApi = {
  state: (includeSpam: boolean, keep: number[] = []) => sendToBackground({ type: 'inlineState', includeSpam, keep }),
  decide: (commentIds: number[], decision: InlineDecision, content?: string) =>
    sendToBackground({ type: 'decideInline', commentIds, decision, ...(content === undefined ? {} : { content }) }),
  undo: (outboxId: number) => sendToBackground({ type: 'undoInline', outboxId }),
  saveDraft: (commentId: number, kind: DraftKind, content: string) =>
    sendToBackground({ type: 'saveDraftInline', commentId, kind, content }),
  commenterDetails: (commentId: number) => sendToBackground({ type: 'commenterDetails', commentId }),
  openHistory: (commentId: number) => sendToBackground({ type: 'openCommenterHistory', commentId }),
};

export type InlineApi = typeof inlineApi;
