/**
 * findComments on subtrees added after detectPage ran (pagination, "load more", AJAX replies,
 * wpDiscuz's lazy threads): exactly the new comments, with parents found among the known ones.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type DetectedComment, detectPage, findComments } from '../../../src/content/detect/index.ts';

const url = 'https://blog.example/2025/05/ein-beitrag/';

function load(thread: string) {
  const html = `<!doctype html><html><head><link rel="https://api.w.org/" href="https://blog.example/wp-json/"></head><body class="single postid-7"><div id="comments" class="comments-area">${thread}</div></body></html>`;
  const doc = new JSDOM(html, { url }).window.document;
  return { doc, page: detectPage(doc, new URL(url)) };
}

const comment = (id: number, depth: number, author: string, inner = '') =>
  `<li id="comment-${id}" class="comment depth-${depth}"><article id="div-comment-${id}" class="comment-body"><b class="fn">${author}</b></article>${inner}</li>`;

const brief = (comments: DetectedComment[]) => comments.map(({ id, parentId, author }) => [id, parentId, author]);

/** Appends markup to a parent and returns the nodes the MutationObserver would report as added. */
function add(parent: Element, markup: string): Element[] {
  const template = parent.ownerDocument.createElement('template');
  template.innerHTML = markup;
  const added = [...template.content.children];
  parent.append(template.content);
  return added;
}

describe('findComments', () => {
  it('finds the comments a "load more" appended to the list, and only those', () => {
    const { doc, page } = load(`<ol class="comment-list">${comment(1, 1, 'A')}${comment(2, 1, 'B')}</ol>`);
    const list = doc.querySelector('.comment-list');
    if (!list) throw new Error('no list');
    const added = add(list, comment(3, 1, 'C', `<ol class="children">${comment(4, 2, 'D')}</ol>`) + comment(5, 1, 'E'));
    const found = added.flatMap((node) => findComments(node, { known: page.comments }));
    expect(brief(found)).toEqual([
      [3, 0, 'C'],
      [4, 3, 'D'],
      [5, 0, 'E'],
    ]);
    expect(found.map((c) => c.element)).toEqual([added[0], added[0]?.querySelector('#comment-4'), added[1]]);
  });

  it('gives a reply added inside a known comment that comment as its parent', () => {
    const { doc, page } = load(`<ol class="comment-list">${comment(1, 1, 'A', '<ol class="children"></ol>')}</ol>`);
    const children = doc.querySelector('#comment-1 > .children');
    if (!children) throw new Error('no children list');
    const [reply] = add(children, comment(9, 2, 'Z'));
    if (!reply) throw new Error('nothing added');
    expect(brief(findComments(reply, { known: page.comments }))).toEqual([[9, 1, 'Z']]);
    // Without the known comments nothing outside the subtree is looked at: it reads as top level.
    expect(brief(findComments(reply))).toEqual([[9, 0, 'Z']]);
  });

  it('places a flattened reply (depth-N, no nesting) under the last known comment one level up', () => {
    const { doc, page } = load(
      `<div class="comment-list"><div id="comment-1" class="comment depth-1"><b class="fn">A</b></div><div id="comment-2" class="comment depth-1"><b class="fn">B</b></div></div>`,
    );
    const list = doc.querySelector('.comment-list');
    if (!list) throw new Error('no list');
    const [reply] = add(list, `<div id="comment-6" class="comment depth-2"><b class="fn">F</b></div>`);
    if (!reply) throw new Error('nothing added');
    expect(brief(findComments(reply, { known: page.comments }))).toEqual([[6, 2, 'F']]);
  });

  it('reads a replaced page of comments from a fragment, with pending notes and the URL', () => {
    const { doc } = load('');
    const template = doc.createElement('template');
    template.innerHTML = `<ol class="comment-list">${comment(11, 1, 'K')}<li id="comment-12" class="comment depth-1"><b class="fn">L</b><em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em></li>${comment(13, 1, 'M')}</ol>`;
    const found = findComments(template.content, { url: new URL(`${url}?unapproved=13&moderation-hash=x`) });
    expect(found.map(({ id, pending }) => [id, pending])).toEqual([
      [11, false],
      [12, true],
      [13, true],
    ]);
  });

  it('reads comments added as separate top-level nodes of one fragment', () => {
    const { doc } = load('');
    const template = doc.createElement('template');
    template.innerHTML = `${comment(21, 1, 'U')}${comment(22, 1, 'V')}`;
    expect(brief(findComments(template.content))).toEqual([
      [21, 0, 'U'],
      [22, 0, 'V'],
    ]);
  });

  it('finds nothing in added nodes that are not comments', () => {
    const { doc, page } = load(`<ol class="comment-list">${comment(1, 1, 'A')}</ol>`);
    const [notice] = add(doc.body, '<div class="toast"><p>Saved</p></div>');
    if (!notice) throw new Error('nothing added');
    expect(findComments(notice, { known: page.comments })).toEqual([]);
  });
});
