/**
 * Every comment operation of the REST client against the real WordPress, for each role, with the
 * quirks that lose decisions if misread: no-op 200s, overwritten commenter data, 410 on a second
 * trash, parents from other posts. Each test arranges its own comments on its own posts.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type CommenterMetadata, createWpClient, type WpClient } from '../../src/shared/wp/client.ts';
import { failure } from '../support/failure.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const clientAs = (key: 'admin' | 'editor' | 'author'): WpClient => {
  const account = user(wp, key);
  return createWpClient({
    root: `${wp.url}/wp-json/`,
    auth: { kind: 'application-password', username: account.login, password: account.applicationPassword },
  });
};
const editor = clientAs('editor');
const author = clientAs('author');
const commenter: CommenterMetadata = {
  ip: '198.51.100.200',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};

let editorsPost: number;
let authorsPost: number;
beforeAll(async () => {
  editorsPost = await admin.createPost({ title: 'Operationen (Redaktion)', author: user(wp, 'editor').id });
  authorsPost = await admin.createPost({ title: 'Operationen (Autorin)', author: user(wp, 'author').id });
});

describe('status changes by a moderator', () => {
  it('approve, spam, not spam, unapprove, trash, restore — and the commenter’s IP and user agent survive all of them', async () => {
    const { id } = await admin.createComment(editorsPost, { status: 'hold' });
    const steps = [
      ['approved', 'approved'],
      ['spam', 'spam'],
      ['unspam', 'approved'],
      ['hold', 'hold'],
      ['trash', 'trash'],
      ['untrash', 'hold'],
    ] as const;
    for (const [target, expected] of steps) {
      const result = await editor.setStatus(id, target, commenter);
      expect(result.outcome, target).toBe('done');
      const stored = await admin.read(id);
      expect(stored.status, target).toBe(expected);
      expect(stored.author_ip, target).toBe(commenter.ip);
      expect(stored.author_user_agent, target).toBe(commenter.userAgent);
    }
  });

  it('without the originals sent back, WordPress replaces them with the moderator’s (why we always send them)', async () => {
    const { id } = await admin.createComment(editorsPost, { status: 'hold' });
    await editor.setStatus(id, 'approved');
    const stored = await admin.read(id);
    expect(stored.author_ip).toBe('127.0.0.1');
    expect(stored.author_user_agent).not.toBe(commenter.userAgent);
  });

  it('editing the text keeps IP and user agent too', async () => {
    const { id } = await admin.createComment(editorsPost, { status: 'approved' });
    const edited = await editor.editContent(id, 'Neu formuliert, ohne Tippfehler.', commenter);
    expect(edited.content.raw).toBe('Neu formuliert, ohne Tippfehler.');
    const stored = await admin.read(id);
    expect(stored).toMatchObject({ author_ip: commenter.ip, author_user_agent: commenter.userAgent });
  });

  it('asking for the status a comment already has answers 200 and counts as done', async () => {
    const { id } = await admin.createComment(editorsPost, { status: 'approved' });
    expect((await editor.setStatus(id, 'approved', commenter)).outcome).toBe('done');
    expect((await editor.setStatus(id, 'approved', commenter)).outcome).toBe('done');
    expect((await admin.read(id)).status).toBe('approved');
  });

  it('an unknown status value (WordPress: 200, nothing changed) is a conflict, not a success', async () => {
    const { id } = await admin.createComment(editorsPost, { status: 'hold' });
    const error = await failure(editor.setStatus(id, 'banana' as 'approved', commenter));
    expect(error).toMatchObject({ kind: 'conflict', code: 'status_unchanged' });
    expect((await admin.read(id)).status).toBe('hold');
  });

  it('trashing twice: the second answer (410 rest_already_trashed) means already done', async () => {
    const { id } = await admin.createComment(editorsPost, { status: 'hold' });
    expect((await editor.trash(id)).outcome).toBe('done');
    expect(await editor.trash(id)).toEqual({ outcome: 'already', comment: null });
    const stored = await admin.read(id);
    expect(stored.status).toBe('trash');
    // Trashing goes through DELETE, which leaves the commenter's data alone.
    expect(stored.author_ip).toBe(commenter.ip);
  });

  it('deletes permanently; the comment is then gone (404 rest_comment_invalid_id, terminal)', async () => {
    const { id } = await admin.createComment(editorsPost, { status: 'spam' });
    const previous = await editor.deletePermanently(id);
    expect(previous.id).toBe(id);
    expect(await admin.exists(id)).toBe(false);
    expect(await failure(editor.setStatus(id, 'approved', commenter))).toMatchObject({
      kind: 'terminal',
      status: 404,
      code: 'rest_comment_invalid_id',
    });
  });

  it('reads one comment, and counts every status cheaply', async () => {
    const post = await admin.createPost({ title: 'Zählen' });
    for (const status of ['hold', 'hold', 'approved', 'spam', 'trash']) await admin.createComment(post, { status });
    expect(await editor.countByStatus({ post: [post] })).toEqual({ hold: 2, approve: 1, spam: 1, trash: 1 });
    const [first] = (await editor.listComments({ post: [post], status: 'hold', context: 'edit' })).items;
    expect((await editor.getComment(first?.id ?? 0, 'edit')).author_ip).toBe(commenter.ip);
  });
});

describe('replies', () => {
  it('a moderator’s reply is approved at once; the pending parent is not — "approve and reply" sends both', async () => {
    const parent = await admin.createComment(editorsPost, { status: 'hold' });
    const reply = await editor.reply({ post: editorsPost, parent: parent.id, content: 'Danke für den Hinweis!' });
    expect(reply.status).toBe('approved');
    expect((await admin.read(parent.id)).status).toBe('hold');

    const other = await admin.createComment(editorsPost, { status: 'hold' });
    const both = await editor.approveAndReply(
      { id: other.id, post: editorsPost, preserve: commenter },
      'Freigegeben und beantwortet.',
    );
    expect(both.approved.outcome).toBe('done');
    expect(both.reply).toMatchObject({ status: 'approved', parent: other.id });
    expect(await admin.read(other.id)).toMatchObject({ status: 'approved', author_ip: commenter.ip });
  });

  it('refuses a parent from another post (WordPress would accept it)', async () => {
    const elsewhere = await admin.createComment(authorsPost, { status: 'approved' });
    const error = await failure(editor.reply({ post: editorsPost, parent: elsewhere.id, content: 'Falscher Faden' }));
    expect(error).toMatchObject({ kind: 'terminal', code: 'parent_post_mismatch' });
  });

  it('a duplicate reply is refused (409 comment_duplicate, terminal)', async () => {
    const parent = await admin.createComment(editorsPost, { status: 'approved' });
    const content = `Gleicher Text ${Date.now()}`;
    await editor.reply({ post: editorsPost, parent: parent.id, content });
    expect(await failure(editor.reply({ post: editorsPost, parent: parent.id, content }))).toMatchObject({
      kind: 'terminal',
      status: 409,
      code: 'comment_duplicate',
    });
  });

  it('comments closed: 403 rest_comment_closed is forbidden for this action, not a sign-in problem', async () => {
    const closed = await admin.createPost({ title: 'Geschlossen', comment_status: 'closed' });
    expect(await failure(editor.reply({ post: closed, parent: 0, content: 'Noch etwas?' }))).toMatchObject({
      kind: 'forbidden',
      status: 403,
      code: 'rest_comment_closed',
    });
  });
});

describe('an author', () => {
  it('moderates comments on their own post (without commenter metadata, which WordPress refuses them)', async () => {
    const { id } = await admin.createComment(authorsPost, { status: 'hold' });
    expect((await author.setStatus(id, 'approved')).outcome).toBe('done');
    expect((await admin.read(id)).status).toBe('approved');
    expect((await author.trash(id)).outcome).toBe('done');
  });

  it('keeps the commenter’s user agent but cannot keep the IP: WordPress records the author’s own IP', async () => {
    const { id } = await admin.createComment(authorsPost, { status: 'hold' });
    expect((await author.setStatus(id, 'approved', commenter)).outcome).toBe('done');
    const stored = await admin.read(id);
    expect(stored.status).toBe('approved');
    expect(stored.author_user_agent).toBe(commenter.userAgent);
    expect(stored.author_ip).toBe('127.0.0.1');
  });

  it('may not moderate a comment on someone else’s post (403 rest_cannot_edit, forbidden)', async () => {
    const { id } = await admin.createComment(editorsPost, { status: 'hold' });
    expect(await failure(author.setStatus(id, 'approved'))).toMatchObject({
      kind: 'forbidden',
      status: 403,
      code: 'rest_cannot_edit',
    });
    expect(await failure(author.trash(id))).toMatchObject({ kind: 'forbidden', status: 403 });
    expect((await admin.read(id)).status).toBe('hold');
  });

  it('a reply by the post’s author is approved', async () => {
    const parent = await admin.createComment(authorsPost, { status: 'approved' });
    expect((await author.reply({ post: authorsPost, parent: parent.id, content: 'Danke!' })).status).toBe('approved');
  });
});
