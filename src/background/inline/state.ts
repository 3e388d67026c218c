/** What the inline view of one article shows: this post's cached comments, decisions and drafts. */
import type { CommentRow, OutboxRow, SiteRow } from '../../shared/db/index.ts';
import type { InlineComment, InlineDecisionState, InlineState } from '../../shared/inline-protocol.ts';
import { mayModerate } from '../../shared/moderation.ts';
import { readSettings } from '../../shared/settings.ts';
import type { BackgroundContext } from '../context.ts';
import { inlineBlocking, inlineBlockMatch } from './blocklist-match.ts';

/** Moderators moderate every post; authors only comments on their own posts (WordPress's edit_comment). */
export async function canModeratePost(ctx: BackgroundContext, site: SiteRow, postId: number): Promise<boolean> {
  if (mayModerate(site.mode, false)) return true;
  const post = await ctx.db.posts.get([site.id, postId]);
  return mayModerate(site.mode, post !== undefined && post.author === site.userId);
}

function decisionState(row: OutboxRow | undefined): InlineDecisionState | null {
  if (!row || row.id === undefined) return null;
  return {
    outboxId: row.id,
    decision: row.decision,
    state: row.state,
    notBefore: row.notBefore,
    error: row.error?.message ?? null,
    errorKind: row.error?.kind ?? null,
  };
}

function toInline(comment: CommentRow, latest: OutboxRow | undefined, drafts: InlineComment['drafts']): InlineComment {
  return {
    id: comment.id,
    parent: comment.parent,
    type: comment.type,
    status: comment.status,
    authorName: comment.authorName,
    authorUrl: comment.authorUrl,
    date: comment.date,
    link: comment.link,
    contentHtml: comment.contentHtml,
    contentRaw: comment.contentRaw,
    decision: decisionState(latest),
    drafts,
    ...(comment.akismet ? { akismet: comment.akismet } : {}),
  };
}

export async function inlineState(
  ctx: BackgroundContext,
  site: SiteRow,
  postId: number,
  { includeSpam, keep = [] }: { includeSpam: boolean; keep?: readonly number[] },
): Promise<InlineState> {
  const { db } = ctx;
  const [comments, drafts, settings, post] = await Promise.all([
    db.comments.where('[siteId+post+status]').between([site.id, postId, ''], [site.id, postId, '\uffff']).toArray(),
    db.drafts.where('siteId').equals(site.id).toArray(),
    readSettings(ctx.db),
    db.posts.get([site.id, postId]),
  ]);
  // Spam only when asked for — or when it was decided on this page: a comment spammed there shows
  // "Spam" with its undo and "Not spam" until the page is left, instead of vanishing (or, for a
  // theme's comment, looking approved again).
  const kept = new Set(keep);
  const shown = comments.filter((comment) => comment.status !== 'spam' || includeSpam || kept.has(comment.id));
  const ids = new Set(shown.map((comment) => comment.id));
  // Only these comments' decisions: the site's whole outbox (every decision of the last weeks, each
  // with its comment's snapshot) was read on every article load and every change notice.
  const outbox = await db.outbox
    .where('[siteId+commentId]')
    .anyOf([...ids].map((id) => [site.id, id]))
    .toArray();
  const latest = new Map<number, OutboxRow>();
  for (const row of outbox) {
    if (row.undoOf !== null) continue;
    const before = latest.get(row.commentId);
    if (!before || (before.id ?? 0) < (row.id ?? 0)) latest.set(row.commentId, row);
  }
  const draftsOf = new Map<number, InlineComment['drafts']>();
  for (const draft of drafts) {
    if (!ids.has(draft.commentId)) continue;
    draftsOf.set(draft.commentId, { ...draftsOf.get(draft.commentId), [draft.kind]: draft.content });
  }
  shown.sort((a, b) => a.date - b.date || a.id - b.id);
  return {
    siteName: site.name,
    adminUrl: `${site.siteUrl.replace(/\/$/, '')}/wp-admin/`,
    canModerate: await canModeratePost(ctx, site, postId),
    postId,
    comments: shown.map((comment) => ({
      ...toInline(comment, latest.get(comment.id), draftsOf.get(comment.id) ?? {}),
      blocklistMatch: inlineBlockMatch(site, comment),
    })),
    approvedTotals: post?.approvedTotals ?? null,
    undoWindowMs: settings.undoWindowSeconds * 1000,
    blocking: inlineBlocking(site),
  };
}
