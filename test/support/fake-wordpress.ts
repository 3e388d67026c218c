/** A tiny fake WordPress REST API for unit tests of the background (the real one: test/integration). */
export interface FakeComment {
  id: number;
  post: number;
  status: string;
  type: string;
  author_name?: string;
  content?: string;
  parent?: number;
  author_email?: string;
  author_url?: string;
  author_ip?: string;
  /** as WordPress sends it (default 2026-11-29T08:00:00) */
  date_gmt?: string;
}

export interface InjectedFailure {
  status: number;
  code: string;
  headers?: Record<string, string>;
}

export interface WriteRequest {
  method: string;
  id: number;
  body: Record<string, unknown> | null;
}

const wire = (c: FakeComment) => ({
  id: c.id,
  post: c.post,
  author: 0,
  author_name: c.author_name ?? `Leser ${c.id}`,
  author_url: '',
  date_gmt: c.date_gmt ?? '2026-11-29T08:00:00',
  parent: c.parent ?? 0,
  content: { rendered: `<p>${c.content ?? `Kommentar ${c.id}`}</p>`, raw: c.content ?? `Kommentar ${c.id}` },
  link: `https://blog.example/p/#comment-${c.id}`,
  status: c.status,
  type: c.type,
});

const statusFromRequest: Record<string, string> = {
  approved: 'approved',
  hold: 'hold',
  spam: 'spam',
  trash: 'trash',
  unspam: 'hold',
  untrash: 'hold',
};

export function fakeWordPress(
  comments: FakeComment[],
  options: {
    failWith?: number;
    users?: Record<string, string>;
    /** post id → its author's user id (posts answer with it, and `?author=` lists that user's posts) */
    postAuthors?: Record<number, number>;
  } = {},
) {
  const requests: string[] = [];
  /** failures answered to the next write requests, in order (null: that one is answered normally) */
  const failures: (InjectedFailure | null)[] = [];
  /** write requests, in order */
  const writes: WriteRequest[] = [];

  function single(id: number, method: string, url: URL, init: RequestInit | undefined): Response {
    if (method !== 'GET') {
      const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
      writes.push({ method, id, body });
      const failure = failures.shift();
      if (failure) {
        return new Response(JSON.stringify({ code: failure.code, message: `Injected ${failure.code}` }), {
          status: failure.status,
          headers: failure.headers,
        });
      }
    }
    const comment = comments.find((c) => c.id === id);
    if (!comment) {
      return new Response(JSON.stringify({ code: 'rest_comment_invalid_id', message: 'Invalid comment ID.' }), {
        status: 404,
      });
    }
    if (method === 'DELETE' && url.searchParams.get('force') === 'true') {
      comments.splice(comments.indexOf(comment), 1);
      return new Response(JSON.stringify({ deleted: true, previous: wire(comment) }));
    }
    if (method === 'DELETE') {
      if (comment.status === 'trash') {
        return new Response(JSON.stringify({ code: 'rest_already_trashed', message: 'Already trashed.' }), {
          status: 410,
        });
      }
      comment.status = 'trash';
    }
    if (method === 'POST') {
      const body = JSON.parse(String(init?.body ?? '{}')) as { status?: string; content?: string };
      comment.status = statusFromRequest[String(body.status ?? '')] ?? comment.status;
      if (body.content !== undefined) comment.content = body.content;
    }
    return new Response(JSON.stringify(wire(comment)));
  }

  /** WordPress's `search`: the whole phrase, in any of author, email, URL, IP and content. */
  const matchesSearch = (c: FakeComment, search: string | null) =>
    search === null ||
    [
      c.author_name ?? `Leser ${c.id}`,
      c.author_email,
      c.author_url,
      c.author_ip,
      c.content ?? `Kommentar ${c.id}`,
    ].some((field) => field?.toLowerCase().includes(search.toLowerCase()));

  /**
   * GET /comments: status, type, post[], include[], search, author_email (case-insensitive, as MySQL
   * compares it), orderby id (asc/desc), page or offset, _fields=id, context.
   */
  function list(url: URL): Response {
    const query = url.searchParams;
    const email = query.get('author_email')?.toLowerCase();
    const status = query.get('status');
    const type = query.get('type') ?? 'comment';
    const perPage = Number(query.get('per_page') ?? 10);
    const offset = query.has('offset') ? Number(query.get('offset')) : (Number(query.get('page') ?? 1) - 1) * perPage;
    const include = query.getAll('include[]').map(Number);
    const posts = query.getAll('post[]').map(Number);
    const matching = comments
      .filter(
        (c) =>
          (include.length === 0 || include.includes(c.id)) &&
          (posts.length === 0 || posts.includes(c.post)) &&
          matchesSearch(c, query.get('search')) &&
          (email === undefined || (c.author_email ?? `leser${c.id}@example.org`).toLowerCase() === email) &&
          (type === 'all' || c.type === type || (type === 'pings' && c.type !== 'comment')) &&
          (status === null ||
            status === 'any' ||
            (status === 'all' && (c.status === 'hold' || c.status === 'approved')) ||
            c.status === (status === 'approve' ? 'approved' : status)),
      )
      // The fake's comments are as old as their ids: date order is id order.
      .sort((a, b) => (query.get('order') === 'desc' ? b.id - a.id : a.id - b.id));
    const edit = query.get('context') === 'edit';
    const slice = matching.slice(offset, offset + perPage).map((c) =>
      query.get('_fields') === 'id'
        ? { id: c.id }
        : {
            id: c.id,
            post: c.post,
            parent: c.parent ?? 0,
            author: 0,
            author_name: c.author_name ?? `Leser ${c.id}`,
            author_url: c.author_url ?? '',
            ...(edit
              ? {
                  author_email: c.author_email ?? `leser${c.id}@example.org`,
                  author_ip: c.author_ip ?? '198.51.100.7',
                  author_user_agent: 'Firefox',
                }
              : {}),
            date_gmt: c.date_gmt ?? '2026-11-29T08:00:00',
            content: {
              rendered: `<p>${c.content ?? `Kommentar ${c.id}`}</p>`,
              ...(edit ? { raw: c.content ?? `Kommentar ${c.id}` } : {}),
            },
            link: `https://blog.example/p/#comment-${c.id}`,
            status: c.status,
            type: c.type,
          },
    );
    return new Response(JSON.stringify(slice), {
      headers: {
        'X-WP-Total': String(matching.length),
        'X-WP-TotalPages': String(Math.max(1, Math.ceil(matching.length / perPage))),
      },
    });
  }

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    requests.push(`${method === 'GET' ? '' : `${method} `}${url.pathname}${url.search}`);
    if (options.failWith) {
      return new Response(JSON.stringify({ code: 'rest_not_logged_in', message: 'You are not currently logged in.' }), {
        status: options.failWith,
      });
    }
    if (url.pathname === '/wp-json/wp/v2/comments' && method === 'POST') {
      const body = JSON.parse(String(init?.body ?? '{}')) as { post: number; parent: number; content: string };
      writes.push({ method, id: 0, body });
      const failure = failures.shift();
      if (failure) {
        return new Response(JSON.stringify({ code: failure.code, message: `Injected ${failure.code}` }), {
          status: failure.status,
        });
      }
      const reply: FakeComment = {
        id: Math.max(0, ...comments.map((c) => c.id)) + 1,
        post: body.post,
        parent: body.parent,
        status: 'approved',
        type: 'comment',
        content: body.content,
      };
      comments.push(reply);
      return new Response(JSON.stringify(wire(reply)), { status: 201 });
    }
    const one = /^\/wp-json\/wp\/v2\/comments\/(\d+)$/.exec(url.pathname);
    if (one) return single(Number(one[1]), method, url, init);
    if (url.pathname === '/wp-json/wp/v2/comments') return list(url);
    if (url.pathname === '/wp-json/wp/v2/posts') {
      const authors = options.postAuthors ?? {};
      const author = url.searchParams.get('author');
      if (author !== null) {
        const ids = Object.keys(authors).filter((id) => authors[Number(id)] === Number(author));
        return new Response(JSON.stringify(ids.map((id) => ({ id: Number(id) }))));
      }
      const ids = url.searchParams.getAll('include[]').map(Number);
      return new Response(
        JSON.stringify(
          ids
            .filter((id) => id < 100)
            .map((id) => ({
              id,
              title: { rendered: `Beitrag ${id}` },
              link: `https://blog.example/${id}/`,
              ...(authors[id] === undefined ? {} : { author: authors[id] }),
            })),
        ),
      );
    }
    if (url.pathname === '/wp-json/wp/v2/pages') {
      const ids = url.searchParams.getAll('include[]').map(Number);
      return new Response(
        JSON.stringify(
          ids.map((id) => ({ id, title: { rendered: `Seite ${id}` }, link: `https://blog.example/seite-${id}/` })),
        ),
      );
    }
    return new Response('{"code":"rest_no_route","message":"No route"}', { status: 404 });
  };
  return { fetch, requests, failures, writes, comments };
}
