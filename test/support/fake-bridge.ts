/**
 * The Freigabe Bridge's two routes over a fake WordPress's comments (shared/wp/bridge.ts is the
 * wire format): keyset id listing and the bulk route with compare-and-set. Other requests go to the
 * fake WordPress itself.
 */
import type { FakeComment } from './fake-wordpress.ts';

const after: Record<string, string> = {
  approve: 'approved',
  unapprove: 'hold',
  spam: 'spam',
  unspam: 'hold',
  trash: 'trash',
  untrash: 'hold',
};

export function withFakeBridge(comments: FakeComment[], inner: typeof fetch) {
  const bulkCalls: { action: string; ids: number[]; expect: Record<string, string> }[] = [];
  /** the `after_id` of each id listing asked for */
  const listCalls: number[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname === '/wp-json/freigabe/v1/comments/ids') {
      const query = url.searchParams;
      const status = query.get('status') === 'approve' ? 'approved' : query.get('status');
      const type = query.get('type') ?? 'all';
      const matching = comments
        .filter(
          (c) =>
            c.status === status && (type === 'all' || c.type === type || (type === 'pings' && c.type !== 'comment')),
        )
        .map((c) => c.id)
        .sort((a, b) => a - b);
      const afterId = Number(query.get('after_id') ?? 0);
      listCalls.push(afterId);
      const perPage = Number(query.get('per_page') ?? 1000);
      const ids = matching.filter((id) => id > afterId).slice(0, perPage);
      const more = matching.some((id) => id > (ids.at(-1) ?? afterId)) && ids.length > 0;
      const total = query.get('count') === 'false' ? null : matching.length;
      return Response.json({ ids, total, next_after_id: more ? (ids.at(-1) ?? null) : null });
    }
    if (url.pathname === '/wp-json/freigabe/v1/comments/bulk' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { action: string; ids: number[]; expect?: Record<string, string> };
      bulkCalls.push({ action: body.action, ids: body.ids, expect: body.expect ?? {} });
      const results = body.ids.map((id) => {
        const comment = comments.find((c) => c.id === id);
        if (!comment)
          return {
            id,
            outcome: 'failed',
            before: null,
            after: null,
            code: 'invalid_comment',
            message: 'No such comment.',
          };
        const before = comment.status;
        const expected = body.expect?.[String(id)];
        if (expected !== undefined && expected !== before) {
          return {
            id,
            outcome: 'conflict',
            before,
            after: before,
            code: 'status_changed',
            message: 'Changed meanwhile.',
          };
        }
        if (body.action === 'delete') {
          comments.splice(comments.indexOf(comment), 1);
          return { id, outcome: 'done', before, after: 'deleted' };
        }
        comment.status = after[body.action] ?? before;
        return { id, outcome: 'done', before, after: comment.status };
      });
      return Response.json({ results });
    }
    return inner(input, init);
  };
  return { fetch, bulkCalls, listCalls };
}
