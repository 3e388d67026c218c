/**
 * "Block this commenter": one line added to one of WordPress's blocklists through the Bridge, and
 * removed again (undo, or the options page). The entry for an email, IP or website comes from the
 * cached comment, never from the message; only a word is the user's own text. Sent at once, not
 * through the outbox: it is a setting of the site, not a decision on a comment (ADR 030).
 */
import {
  type BlockEntry,
  type BlockKeyKind,
  type BlockList,
  blockKeysOf,
  checkBlockEntry,
} from '../../shared/blocklist.ts';
import type { BlockAnswer } from '../../shared/messages.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { clientForSite } from '../sites/site-client.ts';
import { adminOnlyCode, siteForBlocking, storeLists, unavailable } from './read.ts';

export interface BlockRequest {
  siteId: string;
  commentId: number;
  key: BlockKeyKind;
  /** the user's word, for `key: 'word'` */
  word?: string | undefined;
  list: BlockList;
}

export async function blockCommenter(ctx: BackgroundContext, request: BlockRequest): Promise<BlockAnswer> {
  await siteForBlocking(ctx, request.siteId);
  const entry = await entryOf(ctx, request);
  const client = await clientForSite(ctx, request.siteId);
  const { result, lists } = await changing(ctx, request.siteId, () =>
    client.blocklist.add({ list: request.list, entry }),
  );
  await storeLists(ctx, request.siteId, lists);
  return { list: request.list, entry, result: result === 'added' ? 'added' : 'present' };
}

/** Removes an entry Freigabe added; answers whether the line was still there. */
export async function unblock(
  ctx: BackgroundContext,
  siteId: string,
  entry: BlockEntry,
): Promise<{ result: 'removed' | 'gone' }> {
  await siteForBlocking(ctx, siteId);
  const client = await clientForSite(ctx, siteId);
  const { result, lists } = await changing(ctx, siteId, () => client.blocklist.remove(entry));
  await storeLists(ctx, siteId, lists);
  return { result: result === 'removed' ? 'removed' : 'gone' };
}

async function entryOf(ctx: BackgroundContext, request: BlockRequest): Promise<string> {
  if (request.key === 'word') {
    const checked = checkBlockEntry(request.word ?? '');
    if (!checked.ok)
      throw new ReplyError(`blocklist_entry_${checked.reason.replace('-', '_')}`, entryText[checked.reason]);
    return checked.entry;
  }
  const comment = await ctx.db.comments.get([request.siteId, request.commentId]);
  if (!comment) throw new ReplyError('unknown_comment', 'This comment is no longer in the cache. Sync and try again.');
  const entry = blockKeysOf(comment)[request.key];
  if (entry === null) throw new ReplyError('blocklist_no_key', 'This comment has no such detail to block.');
  return entry;
}

const entryText = {
  'line-break': 'An entry is one line.',
  'too-short': 'An entry needs at least 3 characters: a shorter one would match almost every comment.',
  'too-long': 'An entry has at most 200 characters.',
} as const;

/** WordPress's refusals, for the user: an editor learns that only an administrator may. */
async function changing<T>(ctx: BackgroundContext, siteId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WpError && error.code === adminOnlyCode) {
      await ctx.db.sites.update(siteId, { blocklist: { state: 'admin-only', readAt: ctx.now() } });
      throw unavailable('admin-only');
    }
    if (error instanceof WpError && error.code === 'freigabe_bridge_not_added')
      throw new ReplyError('blocklist_not_added', error.message);
    throw error;
  }
}
