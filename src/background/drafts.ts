/** Reply and edit drafts, saved as the user types (only the background writes the database). */
import type { DraftKind } from '../shared/db/index.ts';
import type { BackgroundContext } from './context.ts';

export interface DraftInput {
  siteId: string;
  commentId: number;
  kind: DraftKind;
  /** empty or only whitespace: the draft is deleted */
  content: string;
}

export async function saveDraft(ctx: BackgroundContext, draft: DraftInput): Promise<{ saved: boolean }> {
  const key: [string, number, string] = [draft.siteId, draft.commentId, draft.kind];
  if (draft.content.trim() === '') {
    await ctx.db.drafts.delete(key);
    return { saved: false };
  }
  await ctx.db.drafts.put({ ...draft, updatedAt: ctx.now() });
  return { saved: true };
}

/** A reply or edit that was sent leaves no draft behind. */
export async function dropDraft(ctx: BackgroundContext, siteId: string, commentId: number, kind: DraftKind) {
  await ctx.db.drafts.delete([siteId, commentId, kind]);
}

/** A text that was not sent becomes a draft again — unless the user has started another meanwhile. */
export async function restoreDraft(
  ctx: BackgroundContext,
  siteId: string,
  commentId: number,
  kind: DraftKind,
  content: string,
): Promise<void> {
  if (content.trim() === '' || (await ctx.db.drafts.get([siteId, commentId, kind]))) return;
  await ctx.db.drafts.put({ siteId, commentId, kind, content, updatedAt: ctx.now() });
}
