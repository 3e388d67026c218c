/** One decision sent to WordPress as the REST call it stands for, with the commenter's data kept. */
import type { OutboxRow, SiteRow } from '../../shared/db/index.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { preservable, reached } from '../../shared/wp/comments.ts';
import type { Sent } from './answers.ts';
import { statusTargets } from './status.ts';

export async function send(client: WpClient, site: SiteRow, row: OutboxRow): Promise<Sent> {
  const preserve = preservable(site.mode, row.snapshot);
  const target = statusTargets[row.decision];
  if (target) {
    // WordPress's not spam / restore put back the status saved when the comment was moved, and forget
    // it: sent again after a lost answer, the second moves an approved comment back to pending.
    if (row.attempts > 0 && (target === 'unspam' || target === 'untrash')) {
      const current = await client.getComment(row.commentId);
      if (reached(target, current.status)) return { status: current.status };
    }
    const result = await client.setStatus(row.commentId, target, preserve);
    return { status: result.comment?.status ?? null };
  }
  switch (row.decision) {
    case 'trash':
      await client.trash(row.commentId);
      return { status: 'trash' };
    case 'edit':
      return { status: null, comment: await client.editContent(row.commentId, row.content ?? '', preserve) };
    case 'reply': {
      const reply = await client.reply({ post: row.snapshot.post, parent: row.commentId, content: row.content ?? '' });
      return { status: null, comment: reply };
    }
    default:
      await client.deletePermanently(row.commentId);
      return { status: null };
  }
}
