/**
 * Pages for the detection benchmark: a WordPress article with a long thread as the core HTML5 walker
 * prints it (Twenty Twenty-One style: nested ol.children, held comments with their note, pings,
 * sidebar widgets), and an ordinary non-WordPress blog page of similar weight.
 */

export interface ThreadShape {
  comments: number;
  /** every n-th comment is held (shown with its awaiting-moderation note) */
  pendingEvery: number;
  /** every n-th top-level entry is a pingback */
  pingEvery: number;
  maxDepth: number;
}

export const benchUrl = 'https://blog.example/2026/11/eine-lange-debatte/';

const words =
  'Das sehe ich anders, weil die Zahlen aus dem letzten Jahr etwas ganz anderes zeigen als der Artikel behauptet'.split(
    ' ',
  );

function text(seed: number): string {
  const length = 12 + (seed % 30);
  return Array.from({ length }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ');
}

function commentMarkup(id: number, depth: number, pending: boolean, children: string): string {
  const author = `Leserin ${id}`;
  const note = pending ? '<em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em>' : '';
  const reply = pending
    ? ''
    : `<div class="reply"><a rel="nofollow" class="comment-reply-link" href="${benchUrl}?replytocom=${id}#respond" data-commentid="${id}" data-postid="4" data-belowelement="div-comment-${id}" data-respondelement="respond" data-replyto="Reply to ${author}" aria-label="Reply to ${author}">Reply</a></div>`;
  return `<li id="comment-${id}" class="comment ${id % 2 ? 'odd alt' : 'even'} depth-${depth}${children ? ' parent' : ''}">
<article id="div-comment-${id}" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="data:," class="avatar avatar-60 photo" height="60" width="60"><b class="fn"><a href="https://leser${id}.example" rel="external nofollow ugc" class="url">${author}</a></b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="${benchUrl}#comment-${id}"><time datetime="2026-11-26T08:14:12+01:00">November 26, 2026 at 8:14 am</time></a></div>${note}</footer>
<div class="comment-content"><p>${text(id)}</p><p>${text(id + 1)}</p></div>${reply}</article>${children ? `<ol class="children">${children}</ol>` : ''}</li>`;
}

function pingMarkup(id: number): string {
  return `<li id="comment-${id}" class="pingback even depth-1"><div class="comment-body">Pingback: <a href="https://andere${id}.example/beitrag/" rel="external nofollow ugc" class="url">Ein Beitrag, der hierher verlinkt (${id})</a></div></li>`;
}

/** The thread: top-level comments each with a chain of replies down to maxDepth, pings in between. */
export function threadMarkup(shape: ThreadShape): string {
  const parts: string[] = [];
  let id = 100;
  let count = 0;
  const next = () => {
    id++;
    count++;
    return id;
  };
  const branch = (depth: number): string => {
    const own = next();
    const pending = own % shape.pendingEvery === 0;
    let children = '';
    // Two replies on the first levels, one below: a realistic, bushy-then-thin thread.
    const replies = depth === 1 ? 2 : depth < shape.maxDepth ? 1 : 0;
    for (let i = 0; i < replies && count < shape.comments; i++) children += branch(depth + 1);
    return commentMarkup(own, depth, pending, children);
  };
  let top = 0;
  while (count < shape.comments) {
    top++;
    if (top % shape.pingEvery === 0) parts.push(pingMarkup(next()));
    else parts.push(branch(1));
  }
  return parts.join('\n');
}

const widgets = Array.from(
  { length: 5 },
  (_, i) =>
    `<li class="recentcomments"><span class="comment-author-link">Leser ${i}</span> on <a href="${benchUrl}#comment-${101 + i}">Eine lange Debatte</a></li>`,
).join('');

export function wordpressPage(shape: ThreadShape): string {
  return `<!doctype html><html lang="de-DE"><head><meta charset="utf-8"><title>Eine lange Debatte – Demo</title>
<link rel="stylesheet" id="twenty-twenty-one-style-css" href="https://blog.example/wp-content/themes/twentytwentyone/style.css?ver=2.4" media="all">
<link rel="https://api.w.org/" href="https://blog.example/wp-json/"><link rel="alternate" title="JSON" type="application/json" href="https://blog.example/wp-json/wp/v2/posts/4">
<meta name="generator" content="WordPress 6.7.1"><link rel="shortlink" href="https://blog.example/?p=4"></head>
<body class="post-template-default single single-post postid-4 single-format-standard wp-embed-responsive is-light-theme singular">
<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="https://blog.example/">Demo</a></p></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-4" class="post-4 post type-post status-publish format-standard hentry entry"><header class="entry-header"><h1 class="entry-title">Eine lange Debatte</h1></header>
<div class="entry-content">${Array.from({ length: 20 }, (_, i) => `<p>${text(i)}</p>`).join('')}</div></article>
<div id="comments" class="comments-area default-max-width show-avatars"><h2 class="comments-title">${shape.comments} comments</h2>
<ol class="comment-list">${threadMarkup(shape)}</ol>
<div id="respond" class="comment-respond"><h2 id="reply-title" class="comment-reply-title">Leave a comment</h2><form action="https://blog.example/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate><p class="comment-form-comment"><textarea id="comment" name="comment"></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"><input type="hidden" name="comment_post_ID" value="4" id="comment_post_ID"><input type="hidden" name="comment_parent" id="comment_parent" value="0"></p></form></div>
</div></main></div></div>
<aside class="widget-area"><section id="recent-comments-2" class="widget widget_recent_comments"><h2 class="widget-title">Recent Comments</h2><ul id="recentcomments">${widgets}</ul></section></aside>
</div></body></html>`;
}

/** A static-site blog page of similar structure and weight: no WordPress signals at all. */
export function plainPage(entries: number): string {
  const items = Array.from(
    { length: entries },
    (_, i) =>
      `<li class="entry"><article><h3><a href="/notes/${i}/">Notiz ${i}</a></h3><p class="meta">26. November 2026</p><p>${text(i)}</p></article></li>`,
  ).join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Notizen</title><meta name="generator" content="Hugo 0.140.0">
<link rel="stylesheet" href="/css/site.css"></head><body class="list"><header><nav><a href="/">Start</a> <a href="/notes/">Notizen</a></nav></header>
<main><h1>Notizen</h1><ol class="entries">${items}</ol></main><footer><p>© 2026</p></footer></body></html>`;
}
