/**
 * The known traps of issue 5, one small page each: where themes print their thread in ways a naive
 * detector gets wrong. The fixture pages cover whole families; these pin each trap down.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type DetectedComment, detectPage, type PageModel } from '../../../src/content/detect/index.ts';

const url = 'https://blog.example/2025/05/ein-beitrag/';

function page(body: string, { bodyClass = 'single single-post postid-7', at = url } = {}): PageModel {
  const html = `<!doctype html><html><head><link rel="https://api.w.org/" href="https://blog.example/wp-json/"></head><body class="${bodyClass}">${body}</body></html>`;
  return detectPage(new JSDOM(html, { url: at }).window.document, new URL(at));
}

const brief = (comments: DetectedComment[]) =>
  comments.map(({ id, parentId, type, author, pending }) => ({ id, parentId, type, author, pending }));
const ids = (model: PageModel) => model.comments.map((comment) => [comment.id, comment.parentId]);

/** An HTML5-walker comment body, as core prints it. */
const body = (id: number, author: string, extra = '') =>
  `<article id="div-comment-${id}" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${author}</b> <span class="says">says:</span></div>${extra}</footer><div class="comment-content"><p>Text ${id}</p></div></article>`;

describe('parents', () => {
  it('follows replies nested as bare divs (wp_list_comments style "div")', () => {
    const model = page(`<div id="comments"><div id="comment-1" class="comment depth-1 parent">${body(1, 'A')}
      <div id="comment-2" class="comment depth-2 parent">${body(2, 'B')}<div id="comment-3" class="comment depth-3">${body(3, 'C')}</div></div>
      </div><div id="comment-4" class="comment depth-1">${body(4, 'D')}</div></div>`);
    expect(ids(model)).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 0],
    ]);
  });

  it('follows replies in a plain <ol> (block themes)', () => {
    const model = page(
      `<div class="wp-block-comments"><ol class="wp-block-comment-template"><li id="comment-1" class="comment depth-1"><div class="wp-block-comment-author-name">A</div><ol><li id="comment-2" class="comment depth-2"><div class="wp-block-comment-author-name">B</div></li></ol></li><li id="comment-3" class="comment depth-1"><div class="wp-block-comment-author-name">C</div></li></ol></div>`,
    );
    expect(ids(model)).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
    expect(model.comments.map((comment) => comment.author)).toEqual(['A', 'B', 'C']);
  });

  it('takes a children list placed after its parent (a callback that closes the <li> itself) as that parent’s replies', () => {
    const model = page(`<ol class="comment-list">
      <li id="comment-1" class="comment">${body(1, 'A')}</li>
      <ul class="children"><li id="comment-2" class="comment">${body(2, 'B')}</li></ul>
      <li id="comment-3" class="comment">${body(3, 'C')}</li></ol>`);
    expect(ids(model)).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
  });

  it('rebuilds a flattened thread from comment_class()’s depth-N', () => {
    const model = page(`<div class="comment-list">
      <div id="comment-1" class="comment depth-1">${body(1, 'A')}</div>
      <div id="comment-2" class="comment depth-2">${body(2, 'B')}</div>
      <div id="comment-3" class="comment depth-3">${body(3, 'C')}</div>
      <div id="comment-4" class="comment depth-2">${body(4, 'D')}</div>
      <div id="comment-5" class="comment depth-1">${body(5, 'E')}</div></div>`);
    expect(ids(model)).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 1],
      [5, 0],
    ]);
  });

  it('reads the parent wpDiscuz names in its ids and reply-to links', () => {
    const model = page(`<div id="wpdcom"><div class="wpd-thread-list">
      <div id="wpd-comm-10_0" class="comment depth-1 wpd-comment wpd_comment_level-1"><div class="wpd-comment-wrap"><div id="comment-10" class="wpd-comment-right"><div class="wpd-comment-author">A</div></div></div>
        <div id="wpd-comm-11_10" class="comment depth-2 wpd-comment wpd-reply wpd_comment_level-2"><div class="wpd-comment-wrap"><div id="comment-11" class="wpd-comment-right"><div class="wpd-comment-author">B</div><div class="wpd-reply-to"><a href="#comment-10">A</a></div></div></div></div>
      </div>
      <div class="wpd-comment depth-1"><div class="wpd-comment-wrap"><div id="comment-12" class="wpd-comment-right"><div class="wpd-comment-author">C</div><div class="wpd-reply-to"><a href="https://blog.example/x/#comment-11">B</a></div></div></div></div>
    </div></div>`);
    expect(ids(model)).toEqual([
      [10, 0],
      [11, 10],
      [12, 11],
    ]);
  });
});

describe('ids and types', () => {
  it('reports a comment once when its id is printed on the <li> and again inside it', () => {
    const model = page(
      `<ol class="comment-list"><li id="comment-5" class="comment depth-1"><article id="comment-5" class="comment-body"><b class="fn">A</b></article></li></ol>`,
    );
    expect(brief(model.comments)).toEqual([{ id: 5, parentId: 0, type: 'comment', author: 'A', pending: false }]);
    expect(model.comments[0]?.element.tagName).toBe('LI');
  });

  it('keeps the first copy when the same id appears twice apart (a "top comment" box) and merges Twenty Ten’s li-comment-N/comment-N', () => {
    const model = page(`<ol class="commentlist">
      <li class="comment depth-1" id="li-comment-5"><div id="comment-5"><cite class="fn">A</cite></div></li>
      <li class="comment depth-1" id="li-comment-6"><div id="comment-6"><cite class="fn">B</cite></div></li></ol>
      <div class="top-comment"><div id="comment-5" class="comment depth-1"><cite class="fn">A</cite></div></div>`);
    expect(ids(model)).toEqual([
      [5, 0],
      [6, 0],
    ]);
  });

  it('reads type and depth from comment_class() on an inner element', () => {
    const model = page(`<ol class="comment-list">
      <li id="comment-8" class="comment-container"><article class="comment even depth-1 comment-body"><span class="fn">A</span></article>
        <ol class="children"><li id="comment-9" class="comment-container"><article class="comment odd depth-2 comment-body"><span class="fn">B</span></article></li></ol></li>
      <li id="comment-10" class="comment-container"><article id="comment-10" class="pingback even depth-1 comment-body">Pingback: <a class="url" href="https://x.example/">Linking post</a></article></li></ol>`);
    expect(brief(model.comments)).toEqual([
      { id: 8, parentId: 0, type: 'comment', author: 'A', pending: false },
      { id: 9, parentId: 8, type: 'comment', author: 'B', pending: false },
      { id: 10, parentId: 0, type: 'pingback', author: 'Linking post', pending: false },
    ]);
  });

  it('reports a pingback printed without an id with id null, and a trackback labelled "Pingback:" as a trackback', () => {
    const model = page(`<ol class="commentlist">
      <li class="post pingback"><p>Pingback: <a href="https://a.example/" class="url">Post A</a></p></li>
      <li id="comment-3" class="trackback depth-1"><p>Pingback: <a href="https://b.example/" class="url">Post B</a></p></li></ol>`);
    expect(brief(model.comments)).toEqual([
      { id: null, parentId: 0, type: 'pingback', author: 'Post A', pending: false },
      { id: 3, parentId: 0, type: 'trackback', author: 'Post B', pending: false },
    ]);
  });

  it('keeps a reply printed without an id apart from the parent whose id encloses it', () => {
    const model = page(`<div id="comments"><div id="comment-1" class="comment depth-1"><b class="fn">A</b>
      <div class="comment depth-2"><b class="fn">B</b><a class="comment-reply-link" href="https://blog.example/x/?replytocom=2#respond">Reply</a></div></div></div>`);
    expect(brief(model.comments)).toEqual([
      { id: 1, parentId: 0, type: 'comment', author: 'A', pending: false },
      { id: 2, parentId: 1, type: 'comment', author: 'B', pending: false },
    ]);
  });

  it('takes the id from the reply link where the theme prints none on the comment', () => {
    const model = page(
      `<ol class="comment-list"><li class="comment depth-1"><cite class="fn">A</cite><a class="comment-reply-link" href="https://blog.example/x/?replytocom=44#respond" data-commentid="44">Reply</a></li></ol>`,
    );
    expect(ids(model)).toEqual([[44, 0]]);
  });

  it('does not claim bare class="comment" markup (code highlighting, page builders)', () => {
    const model = page(`<article id="post-7" class="post-7 post type-post hentry"><div class="entry-content">
      <pre><code><span class="token comment">// a comment</span></code></pre><div class="comment"><p>Kommentar der Redaktion</p></div></div></article>`);
    expect(model.comments).toEqual([]);
    expect(model.commentsInDom).toBeNull();
  });
});

describe('authors', () => {
  it('keeps a name that ends like a label, and drops the label a container prints beside the name', () => {
    const model = page(`<ol class="comment-list">
      <li id="comment-1" class="comment depth-1"><div class="comment-author vcard"><b class="fn">Simon Says</b> <span class="says">says:</span></div></li>
      <li id="comment-2" class="comment depth-1"><p class="comment-author"><span class="comment-author-name"></span>Greta   Lindholm <span class="says">sagt</span></p></li>
      <li id="comment-3" class="pingback depth-1"><div class="comment-body">Pingback: <a href="https://x.example/" class="url">Ein   Beitrag</a></div></li></ol>`);
    expect(model.comments.map((comment) => comment.author)).toEqual(['Simon Says', 'Greta Lindholm', 'Ein Beitrag']);
  });
});

describe('pending', () => {
  it('finds the note by its class, in classic and block markup', () => {
    const model = page(`<ol class="comment-list">
      <li id="comment-1" class="comment depth-1">${body(1, 'A', '<em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em>')}</li>
      <li id="comment-2" class="comment depth-1"><div class="wp-block-comment-author-name">B</div><div class="wp-block-comment-content"><p><em class="comment-awaiting-moderation">Dein Kommentar muss noch freigegeben werden.</em></p>Text</div></li>
      <li id="comment-3" class="comment depth-1">${body(3, 'C')}</li></ol>`);
    expect(model.comments.map((comment) => comment.pending)).toEqual([true, true, false]);
  });

  it('reads the note’s text where a theme gives it no class (English and German), but not a comment quoting it', () => {
    const model = page(`<ol class="comment-list">
      <li id="comment-1" class="comment depth-1">${body(1, 'A', '<p class="alert">Your comment is awaiting moderation.</p>')}</li>
      <li id="comment-2" class="comment depth-1">${body(2, 'B', '<p class="hinweis">Ihr Kommentar wartet auf Freischaltung.</p>')}</li>
      <li id="comment-3" class="comment depth-1">${body(3, 'C', '<span>Dein Kommentar muss noch freigegeben werden.</span>')}</li>
      <li id="comment-4" class="comment depth-1"><b class="fn">D</b><div class="comment-content"><p>Bei meinem eigenen Blog steht nach dem Absenden nur, dass der Beitrag awaiting moderation sei, und dann passiert tagelang gar nichts, obwohl ich mehrmals nachgefragt und sogar eine E-Mail an die Redaktion geschrieben habe, die bis heute unbeantwortet geblieben ist.</p></div></li></ol>`);
    expect(model.comments.map((comment) => comment.pending)).toEqual([true, true, true, false]);
  });

  it('marks the comment WordPress redirected the commenter to (?unapproved=N)', () => {
    const model = page(
      `<ol class="comment-list"><li id="comment-1" class="comment depth-1">${body(1, 'A')}</li><li id="comment-2" class="comment depth-1">${body(2, 'B')}</li></ol>`,
      { at: `${url}?unapproved=2&moderation-hash=abc#comment-2` },
    );
    expect(model.comments.map((comment) => comment.pending)).toEqual([false, true]);
  });
});

describe('the page around the thread', () => {
  it('finds a reply form without #commentform by its action, and none when comments are closed', () => {
    const open = page(
      `<div id="respond"><form action="https://blog.example/wp-comments-post.php" method="post" id="antwort"><textarea name="comment"></textarea></form></div>`,
    );
    expect(open.replyForm?.id).toBe('antwort');
    expect(open.commentsInDom).toBe(true);
    const closed = page(
      `<div id="respond" class="comment-respond"><p class="comments-closed">Comments are closed.</p></div>`,
    );
    expect(closed.replyForm).toBeNull();
    expect(closed.commentsInDom).toBe(true);
  });

  it('takes the Post Content block as the article where a block theme prints no #post-N', () => {
    const model = page(
      `<main class="wp-block-group"><h1 class="wp-block-post-title">T</h1><div class="entry-content wp-block-post-content"><p>x</p></div></main>`,
    );
    expect(model.article?.classList.contains('wp-block-post-content')).toBe(true);
  });

  it('says the comments are not in the page when Disqus replaced the thread', () => {
    const model = page(`<div id="disqus_thread"></div>`);
    expect(model.commentsInDom).toBe(false);
    expect(model.comments).toEqual([]);
  });

  it('ignores recent-comments widgets on a single post without a comment section', () => {
    const model =
      page(`<aside class="widget-area"><section class="widget widget_recent_comments"><ul id="recentcomments">
      <li class="recentcomments"><span class="comment-author-link">A</span> on <a href="https://blog.example/y/#comment-3">Y</a></li></ul></section>
      <section class="widget"><ol class="commentlist"><li id="comment-3" class="comment depth-1"><cite class="fn">A</cite></li></ol></section></aside>`);
    expect(model.comments).toEqual([]);
    expect(model.commentsInDom).toBeNull();
  });

  it('claims nothing on the blog index even where a widget lists comments', () => {
    const model = page(
      `<ol class="commentlist"><li id="comment-3" class="comment depth-1"><cite class="fn">A</cite></li></ol>`,
      {
        bodyClass: 'home blog',
        at: 'https://blog.example/',
      },
    );
    expect(model).toMatchObject({
      isWordPress: true,
      postId: null,
      commentsInDom: null,
      comments: [],
      replyForm: null,
    });
  });
});
