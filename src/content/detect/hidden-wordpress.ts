/**
 * WordPress with its usual markers hidden (WP Hide & Security Enhancer, Hide My WP: no generator meta,
 * no wp-content/wp-includes paths, no REST link) still prints what its templates are made of:
 *   - body_class(): postid-N / page-id-N, single-format-*, post-template-*, wp-singular;
 *   - body_class() for the theme: wp-theme-*, wp-child-theme-*, wp-embed-responsive, wp-custom-logo;
 *   - comment_form()'s hidden comment_post_ID field, in a form that posts to this site;
 *   - comment_reply_link()'s ?replytocom=N links;
 *   - block markup (wp-block-*).
 * Each kind counts once, and two kinds are needed: a page that kept WordPress class names after moving
 * elsewhere (a theme ported to a static site) shows one kind, and a lone class="comment" shows none.
 *
 * Runs on every page of a connected site: body classes and getElementById first (no walk of the
 * page); the walks for reply links and block classes only when one kind is already there.
 */

const singularClass =
  /^(?:(?:postid|page-id|attachmentid)-\d+|single-format-.+|[a-z_-]+-template-default|wp-singular)$/;
const themeClass = /^(?:wp-(?:child-)?theme-.+|wp-embed-responsive|wp-custom-logo)$/;

function sameSite(href: string, url: URL): boolean {
  try {
    const strip = (host: string) => host.replace(/^www\./, '');
    return strip(new URL(href, url).hostname) === strip(url.hostname);
  } catch {
    // Not a URL: not this site.
    return false;
  }
}

/** core's get_comment_id_fields(): input#comment_post_ID, in a form posting to this site (or without an action). */
function commentFormFields(doc: Document, url: URL): boolean {
  const field = doc.getElementById('comment_post_ID');
  if (field?.getAttribute('name') !== 'comment_post_ID') return false;
  const action = field.closest('form')?.getAttribute('action');
  return !action || sameSite(action, url);
}

function replyLinks(doc: Document): boolean {
  for (const link of doc.getElementsByClassName('comment-reply-link')) {
    if (/[?&]replytocom=\d+/.test(link.getAttribute('href') ?? '')) return true;
  }
  return false;
}

export function showsWordPressTemplates(doc: Document, url: URL): boolean {
  let singular = false;
  let theme = false;
  for (const name of doc.body?.classList ?? []) {
    if (!singular && singularClass.test(name)) singular = true;
    else if (!theme && themeClass.test(name)) theme = true;
  }
  let kinds = Number(singular) + Number(theme) + Number(commentFormFields(doc, url));
  if (kinds !== 1) return kinds > 1;
  kinds += Number(replyLinks(doc));
  if (kinds > 1) return true;
  return doc.querySelector('[class*="wp-block-"]') !== null;
}
