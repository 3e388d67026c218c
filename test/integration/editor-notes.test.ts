/**
 * Editor notes (WordPress 6.9+ stores the block editor's notes as comments of type `note`) are not
 * comments: on the real WordPress 7.1 with notes seeded on the article (approved, a reply, a
 * resolved one, one in the trash) and on another post, none of them reaches the cache by any path
 * (queue sync, the article's fresh reads, thread context, server search), and the counts per
 * status, the badge and the article's numbers are the comments' alone.
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { demoNotes } from '../../scripts/wp/demo-content.ts';
import { countPending } from '../../src/background/badge.ts';
import { fetchPostComments } from '../../src/background/inline/post-comments.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { searchServer } from '../../src/background/sync/search.ts';
import { fetchThreadContext } from '../../src/background/sync/thread-context.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { commentTotal, postId, user } from '../support/rest.ts';

const wp = inject('wp');
const root = `${wp.url}/wp-json/`;
const noteIds = Object.values(wp.notes);
/** Notes exist since 6.9; where the suite fell back to 6.1 (no 7.1 archive), the site has none. */
const hasNotes = Number.parseFloat(wp.wpVersion) >= 6.9;
const article = postId(wp, 'article');

/** What WordPress counts for `status`, comments and pings only (the oracle: no notes in it). */
async function commentsOnly(status: string, post?: number): Promise<number> {
  const editor = user(wp, 'editor');
  const where: Record<string, string> = post === undefined ? {} : { post: String(post) };
  const comments = await commentTotal(wp, editor, { status, type: 'comment', ...where });
  const pings = await commentTotal(wp, editor, { status, type: 'pings', ...where });
  return comments + pings;
}

async function connectedEditor() {
  const ctx = testContext();
  const editor = user(wp, 'editor');
  await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
  return ctx;
}

describe('editor notes on WordPress 7.1', () => {
  beforeEach(() => {
    resetFakeBrowser();
    grantedOrigins.add(originPattern(wp.url));
  });

  it('the site really has notes, which type=all counts among approved and trashed comments', async () => {
    expect(noteIds).toHaveLength(hasNotes ? demoNotes.length : 0);
    const approvedNotes = hasNotes ? demoNotes.filter((note) => note.status === 'approved').length : 0;
    const editor = user(wp, 'editor');
    expect(await commentTotal(wp, editor, { status: 'approve', type: 'note' })).toBe(approvedNotes);
    expect(await commentTotal(wp, editor, { status: 'trash', type: 'note' })).toBe(hasNotes ? 1 : 0);
    // Why counting needs care: WordPress's own "all" includes them.
    expect(await commentTotal(wp, editor, { status: 'approve', type: 'all' })).toBe(
      (await commentsOnly('approve')) + approvedNotes,
    );
  });

  it('no path into the cache lets a note in, and every count is the comments’ own', async () => {
    const ctx = await connectedEditor();
    await syncPending(ctx, root);
    const site = await ctx.db.sites.get(root);
    if (!site) throw new Error('not connected');
    await fetchPostComments(ctx, site, article, 'hold');
    await fetchPostComments(ctx, site, article, 'spam');
    await fetchThreadContext(ctx, root, article);
    for (const view of ['approved', 'trash', 'hold'] as const) {
      await searchServer(ctx, { type: 'searchServer', query: 'Absatz', view, commentType: 'all' });
      await searchServer(ctx, { type: 'searchServer', query: 'Notiz', view, commentType: 'all' });
    }
    const cached = await ctx.db.comments.toArray();
    expect(cached.length).toBeGreaterThan(20);
    expect(cached.filter((comment) => noteIds.includes(comment.id) || comment.type === 'note')).toEqual([]);

    const counts = (await ctx.db.syncState.get(root))?.counts;
    expect(counts).toMatchObject({
      hold: await commentsOnly('hold'),
      approved: await commentsOnly('approve'),
      spam: await commentsOnly('spam'),
      trash: await commentsOnly('trash'),
    });
    expect(await countPending(ctx, root, article)).toBe(await commentsOnly('hold', article));
    expect(await countPending(ctx)).toBe(await commentsOnly('hold'));
  });
});
