/** The local reputation keys of a commenter, as the background records them. */
import type { CommentRow } from '../../shared/db/index.ts';

export function reputationKeys(comment: CommentRow): { kind: 'email' | 'host' | 'ip'; key: string }[] {
  const keys: { kind: 'email' | 'host' | 'ip'; key: string }[] = [];
  if (comment.authorEmail) keys.push({ kind: 'email', key: `email:${comment.authorEmail.toLowerCase()}` });
  if (comment.authorUrl && URL.canParse(comment.authorUrl)) {
    const host = new URL(comment.authorUrl).hostname.replace(/^www\./, '');
    if (host) keys.push({ kind: 'host', key: `host:${host}` });
  }
  if (comment.authorIp) keys.push({ kind: 'ip', key: `ip:${comment.authorIp}` });
  return keys;
}
