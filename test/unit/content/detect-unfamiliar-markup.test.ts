/**
 * The four kinds of real pages the first fixtures did not know, one rule each: names in a theme's own
 * holder, moderation notes in other languages, WordPress with its markers hidden, and comment-like
 * markup that is not WordPress's. The fixture pages (author-holders/, moderation-notes/,
 * hidden-wordpress/, forum-embeds/) show them whole.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectPage, findComments, type PageModel } from '../../../src/content/detect/index.ts';

const url = 'https://blog.example/2025/05/ein-beitrag/';
const rest = '<link rel="https://api.w.org/" href="https://blog.example/wp-json/">';

function page(body: string, { head = rest, bodyClass = 'single single-post postid-7', lang = '' } = {}): PageModel {
  const html = `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body class="${bodyClass}">${body}</body></html>`;
  return detectPage(new JSDOM(html, { url }).window.document, new URL(url));
}

const authors = (model: PageModel) => model.comments.map((comment) => comment.author);
const pending = (model: PageModel) => model.comments.map((comment) => comment.pending);
const replyLink = (id: number, label: string) =>
  `<a rel="nofollow" class="comment-reply-link" href="${url}?replytocom=${id}#respond" data-commentid="${id}" data-replyto="${label}" aria-label="${label}">Antworten</a>`;
const form = (action = 'https://blog.example/wp-comments-post.php') =>
  `<div id="respond"><form id="commentform" action="${action}"><input type="hidden" name="comment_post_ID" value="7" id="comment_post_ID"><input type="hidden" name="comment_parent" id="comment_parent" value="0"></form></div>`;

describe('the name in a theme’s own holder', () => {
  it('reads a heading without the date, Edit link and separator beside the name', () => {
    const model = page(
      `<div id="comment-1" class="comment depth-1"><h4 class="media-heading">Jana Roth <small>· 4. März 2025 um 18:20 Uhr <a class="comment-edit-link" href="#">(Bearbeiten)</a></small></h4><p>Text</p></div>`,
    );
    expect(authors(model)).toEqual(['Jana Roth']);
  });

  it('cuts the words a container prints after the name where core’s reply label ends it', () => {
    const model = page(
      `<ol><li id="comment-1" class="comment depth-1"><header class="comment-author">Sam Okafor am <time><a href="${url}#comment-1">5. Februar</a></time></header><p>Text</p>${replyLink(1, 'Auf Sam Okafor antworten')}</li></ol>`,
    );
    expect(authors(model)).toEqual(['Sam Okafor']);
  });

  it('takes a bare <cite> in a meta line (Snow Monkey) and drops a translated span.says anywhere', () => {
    const model = page(`<ol>
      <li id="li-comment-1" class="comment depth-1"><div class="c-comment" id="comment-1"><div class="c-comment__meta"><cite>高橋 健</cite> が 2025年7月22日 07:03 にコメント</div><div class="c-comment__content"><p>本文</p></div></div></li>
      <li id="comment-2" class="comment depth-1"><div class="comment-author vcard"><span class="author-name">Lucía Herrera</span> <span class="says">dice:</span></div></li></ol>`);
    expect(authors(model)).toEqual(['高橋 健', 'Lucía Herrera']);
  });

  it('never reports a date or a Reply link as the name', () => {
    const model = page(
      `<ol><li id="comment-1" class="comment depth-1"><div class="meta"><time datetime="2025-05-01">1. Mai 2025</time> ${replyLink(1, 'Auf Anna antworten')}</div><div class="comment-content"><p>Text</p></div></li></ol>`,
    );
    expect(authors(model)).toEqual(['']);
  });
});

describe('the moderation note in other languages', () => {
  it('reads WordPress’s own wording of both notes where the theme gives the note no class', () => {
    const notes = [
      'Votre commentaire est en attente de modération. Ceci est un aperçu, votre commentaire sera visible après sa validation.',
      'Komentarz czeka na zatwierdzenie. To jest podgląd komentarza, który będzie widoczny po jego zatwierdzeniu.',
      'あなたのコメントは管理者の承認待ちです。これはプレビューで、コメントは承認後に表示されます。',
      'Ваш комментарий ожидает проверки.',
      'Je reactie is in afwachting van moderatie.',
      'O seu comentário está aguardando moderação.',
    ];
    const model = page(
      `<ol>${notes.map((note, i) => `<li id="comment-${i + 1}" class="comment depth-1"><b class="fn">N${i}</b><em>${note}</em><p>Text</p></li>`).join('')}</ol>`,
    );
    expect(pending(model)).toEqual(notes.map(() => true));
  });

  it('looks for the page’s own language (and English), or for every wording where the language has no pack listed', () => {
    const note = (text: string) =>
      `<ol><li id="comment-1" class="comment depth-1"><b class="fn">A</b><em>${text}</em></li></ol>`;
    expect(pending(page(note('Il tuo commento è in attesa di moderazione.'), { lang: 'it-IT' }))).toEqual([true]);
    expect(pending(page(note('Your comment is awaiting moderation.'), { lang: 'it-IT' }))).toEqual([true]);
    expect(pending(page(note('Tu comentario está pendiente de moderación.'), { lang: 'ca' }))).toEqual([true]);
  });

  it('takes a note whose class names moderation in any wording, but not an empty one or moderation links', () => {
    const model = page(`<ol>
      <li id="comment-1" class="comment depth-1"><b class="fn">A</b><em class="moderation">Twój komentarz czeka na moderację.</em></li>
      <li id="comment-2" class="comment depth-1"><b class="fn">B</b><div class="theme_comment_moderation"></div></li>
      <li id="comment-3" class="comment depth-1"><b class="fn">C</b><span class="moderation-tools"><a href="#">Freigeben</a> | <a href="#">Spam</a></span></li></ol>`);
    expect(pending(model)).toEqual([true, false, false]);
  });

  it('does not take a comment that quotes the phrase for a note', () => {
    const model = page(
      `<ol><li id="comment-1" class="comment depth-1"><b class="fn">A</b><div class="comment-content"><p>U mnie po wysłaniu zawsze pisze, że komentarz oczekuje na zatwierdzenie, i potem przez tydzień nic się nie dzieje, chociaż pisałem już dwa razy do redakcji i raz nawet dzwoniłem w tej sprawie, bez żadnej odpowiedzi z waszej strony.</p></div></li></ol>`,
    );
    expect(pending(model)).toEqual([false]);
  });
});

describe('WordPress with its markers hidden', () => {
  const thread = `<ol class="comment-list"><li id="comment-3" class="comment depth-1"><b class="fn">A</b></li></ol>`;

  it('needs two kinds of sign: a singular body class and a comment class are not enough', () => {
    expect(page(thread, { head: '' }).isWordPress).toBe(false);
  });

  it('takes the singular body class with core’s comment form posting to this site', () => {
    const model = page(thread + form('https://blog.example/kommentar-senden'), { head: '' });
    expect(model).toMatchObject({ isWordPress: true, restRoot: null, postId: 7 });
    expect(model.comments.map((comment) => comment.id)).toEqual([3]);
  });

  it('takes core’s comment form with reply links where the body has no WordPress class', () => {
    const model = page(`<li id="comment-3" class="comment depth-1">${replyLink(3, 'Reply to A')}</li>${form()}`, {
      head: '',
      bodyClass: 'site-body',
    });
    expect(model.isWordPress).toBe(true);
  });

  it('does not count a form that posts elsewhere, nor any sign on a page another builder names', () => {
    expect(page(thread + form('https://comments.example/post'), { head: '' }).isWordPress).toBe(false);
    const hugo = '<meta name="generator" content="Hugo 0.140.0">';
    expect(page(thread + form(), { head: hugo, bodyClass: 'single postid-7 wp-embed-responsive' }).isWordPress).toBe(
      false,
    );
  });
});

describe('comment-like markup that is not WordPress’s', () => {
  const discourse = `<div id="comments" class="comments-area discourse-comments-area"><ol class="comment-list">
    <li class="comment even depth-1"><article class="comment-body"><b class="fn"><a class="url" href="https://forum.example/t/1">rhea</a></b><div class="comment-content"><p>Reply on the forum</p></div></article></li></ol></div>`;

  it('claims no comment without a WordPress id where the page has no WordPress comment form', () => {
    expect(page(discourse)).toMatchObject({ comments: [], commentsInDom: false });
  });

  it('claims only the comments with ids beside id-less ones, and keeps id-less pings', () => {
    const model = page(`${discourse}<ol><li id="comment-9" class="comment depth-1"><b class="fn">B</b></li>
      <li class="post pingback"><p>Pingback: <a class="url" href="https://x.example/">Post</a></p></li></ol>${form()}`);
    expect(model.comments.map(({ id, type }) => [id, type])).toEqual([
      [9, 'comment'],
      [null, 'pingback'],
    ]);
  });

  it('does not claim id-less replies added later beside the page’s comments with ids', () => {
    const html = `<!doctype html><html><head>${rest}</head><body class="single postid-7"><ol><li id="comment-9" class="comment depth-1"><b class="fn">B</b></li></ol>${form()}<div id="later"></div></body></html>`;
    const doc = new JSDOM(html, { url }).window.document;
    const known = detectPage(doc, new URL(url)).comments;
    const later = doc.getElementById('later');
    if (!later) throw new Error('no container');
    later.innerHTML = discourse;
    expect(findComments(later, { known })).toEqual([]);
  });

  it('keeps the comments of a theme that prints no ids at all, with WordPress’s comment form on the page', () => {
    const model = page(`<ol><li class="comment depth-1 media"><h4 class="media-heading">A</h4></li></ol>${form()}`);
    expect(model.comments.map(({ id, author }) => [id, author])).toEqual([[null, 'A']]);
  });
});
