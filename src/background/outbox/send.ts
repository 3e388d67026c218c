/** One decision sent to WordPress as the REST call it stands for, with the commenter's data kept. */
import type { OutboxRow, SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { statusLabelKey } from '../../shared/views.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { preservable } from '../../shared/wp/comments.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { Sent } from './answers.ts';
import { statusTargets } from './status.ts';

export async function send(client: WpClient, site: SiteRow, row: OutboxRow): Promise<Sent> {
  const preserve = preservable(site.mode, row.snapshot);
  const target = statusTargets[row.decision];
  if (target) {
    // WordPress's not spam / restore put back the status saved when the comment was moved, and forget
    // it: sent again after a lost answer, the second moves an approved comment back to pending; sent for
    // a comment someone else moved since (no Bridge: no compare-and-set), it moves theirs (Trash → Spam).
    if (target === 'unspam' || target === 'untrash') {
      const current = await client.getComment(row.commentId);
      // Sent before, its answer lost: it may have landed. What it restores is pending or approved; a
      // comment in any other status was moved by someone else, whether or not ours landed first (the
      // soak's seed 970147: ours never reached WordPress, a colleague trashed the spam meanwhile).
      if (row.attempts > 0 && (current.status === 'hold' || current.status === 'approved'))
        return { status: current.status };
      if (current.status !== (target === 'unspam' ? 'spam' : 'trash')) throw movedElsewhere(current.status);
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

/**
 * A comment someone else moved since the user decided, left where they put it — as the Bridge's
 * compare-and-set reports it (bridge-send.ts) and as a REST send finds it here: one wording for both.
 * Null for a status without a label (the caller says it its own way).
 */
export function movedConflict(status: string | null, code: string | null): WpError | null {
  const where = status === null ? undefined : statusLabelKey(status);
  return where ? new WpError('conflict', t('bridgeConflict', [t(where)]), 409, code) : null;
}

function movedElsewhere(status: string): WpError {
  return (
    movedConflict(status, 'status_moved') ??
    new WpError('conflict', `WordPress has this comment as "${status}" now.`, 409, 'status_moved')
  );
}
