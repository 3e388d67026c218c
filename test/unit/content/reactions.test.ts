/** The reactions' counts are the article's: what the cache and the page show, or WordPress's totals where the cache holds fewer. */
import { describe, expect, it } from 'vitest';
import { reactionsOf } from '../../../src/content/inline/reactions.ts';
import type { PageComment } from '../../../src/content/inline/types.ts';
import type { InlineComment } from '../../../src/shared/inline-protocol.ts';

const cached = (id: number, status: string, type = 'comment'): InlineComment => ({
  id,
  parent: 0,
  type,
  status,
  authorName: `Leser ${id}`,
  authorUrl: '',
  date: Date.UTC(2026, 10, 29, 8, id),
  link: `https://blog.example/debatte/#comment-${id}`,
  contentHtml: `<p>Kommentar ${id}</p>`,
  contentRaw: null,
  decision: null,
  drafts: {},
});
const onPage = (id: number): PageComment => ({
  id,
  parentId: 0,
  type: 'comment',
  author: '',
  pending: false,
  element: {} as Element,
});

describe('reactionsOf', () => {
  const comments = [cached(1, 'approved'), cached(2, 'approved', 'pingback'), cached(3, 'hold')];

  it('counts the cached comments and the ones only the page shows', () => {
    expect(reactionsOf(comments, [onPage(1), onPage(9)])).toMatchObject({ published: 3, pending: 1 });
  });

  it('takes WordPress’s totals where the cache holds fewer, whatever page is shown', () => {
    const totals = { comments: 540, pings: 7 };
    expect(reactionsOf(comments, [onPage(1), onPage(9)], totals)).toMatchObject({ published: 547, pending: 1 });
    expect(reactionsOf(comments, [onPage(400)], totals)).toMatchObject({ published: 547, pending: 1 });
  });
});
