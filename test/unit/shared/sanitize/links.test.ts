// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { LINK_HOST_ATTRIBUTE, linkTargets, sanitizeCommentHtml } from '../../../../src/shared/sanitize/index.ts';

const REL = 'nofollow ugc noopener noreferrer';

function linkIn(html: string): HTMLAnchorElement {
  const template = document.createElement('template');
  template.innerHTML = sanitizeCommentHtml(html);
  const link = template.content.querySelector('a');
  if (!link) throw new Error(`no link in ${template.innerHTML}`);
  return link;
}

function hintsIn(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = sanitizeCommentHtml(html);
  return [...template.content.querySelectorAll(`span[${LINK_HOST_ATTRIBUTE}]`)].map((hint) => hint.textContent ?? '');
}

describe('sanitizeCommentHtml: links', () => {
  it('open only on a click, in a new tab, with no referrer, opener or ranking credit', () => {
    const link = linkIn('<a href="https://vogt-digital.example/moderation" target="_self" rel="opener">Strategie</a>');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe(REL);
    expect(link.getAttributeNames().sort()).toEqual(['href', 'rel', 'target', 'title']);
  });

  it('carry their real target as title, replacing whatever title the commenter wrote', () => {
    const link = linkIn('<a href="https://evil.example/x" title="Ihre Bank">Login</a>');
    expect(link.getAttribute('title')).toBe('https://evil.example/x');
    expect(link.getAttribute('href')).toBe('https://evil.example/x');
  });

  it('show their host after the link when the text does not name it', () => {
    const html = '<p>Mehr zur <a href="https://vogt-digital.example/moderation">Community-Strategie</a>.</p>';
    expect(sanitizeCommentHtml(html)).toBe(
      `<p>Mehr zur <a href="https://vogt-digital.example/moderation" title="https://vogt-digital.example/moderation" target="_blank" rel="${REL}">Community-Strategie</a> <span data-link-host="">(vogt-digital.example/…)</span>.</p>`,
    );
  });

  it('show the real host when the text pretends to be another URL', () => {
    expect(hintsIn('<a href="https://evil.example/login">https://bank.example/login</a>')).toEqual([
      '(evil.example/…)',
    ]);
    expect(hintsIn('<a href="https://bank.example.evil.example/">bank.example</a>')).toEqual([
      '(bank.example.evil.example)',
    ]);
  });

  it('need no hint when the text names the host (with or without scheme, www. or path)', () => {
    for (const [href, text] of [
      ['https://www.example.com/', 'example.com'],
      ['https://example.com/a/b?c=d', 'https://example.com/a/b?c=d'],
      ['http://example.com/a', 'www.example.com/a'],
      ['https://Example.com/', 'EXAMPLE.COM'],
      ['https://example.com:8080/x', 'example.com:8080/x'],
      ['https://bücher.example/', 'bücher.example'],
    ]) {
      expect(hintsIn(`<a href="${href}">${text}</a>`), `${text} → ${href}`).toEqual([]);
    }
  });

  it('drop a user name that pretends to be the host', () => {
    const link = linkIn('<a href="https://bank.example@evil.example/">https://bank.example</a>');
    expect(link.getAttribute('href')).toBe('https://evil.example/');
    expect(hintsIn('<a href="https://bank.example:pw@evil.example/">https://bank.example</a>')).toEqual([
      '(evil.example)',
    ]);
  });

  it('show look-alike international domains in Punycode', () => {
    const link = linkIn('<a href="https://pаypal.example/">Konto</a>'); // Cyrillic "а"
    expect(link.getAttribute('href')).toBe('https://xn--pypal-4ve.example/');
    expect(hintsIn('<a href="https://pаypal.example/">paypal.example</a>')).toEqual(['(xn--pypal-4ve.example)']);
  });

  it('keep mailto links, showing the address when the text hides it', () => {
    expect(linkIn('<a href="mailto:lena@vogt-digital.example">Schreib mir</a>').getAttribute('href')).toBe(
      'mailto:lena@vogt-digital.example',
    );
    expect(hintsIn('<a href="mailto:lena@vogt-digital.example">Schreib mir</a>')).toEqual([
      '(lena@vogt-digital.example)',
    ]);
    expect(hintsIn('<a href="mailto:lena@vogt-digital.example">lena@vogt-digital.example</a>')).toEqual([]);
  });

  it('turn every other link into its text', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      '/wp-admin/',
      '#kommentar',
      'ftp://files.example/',
      'tel:+49301234',
      'https://',
      '',
    ]) {
      expect(sanitizeCommentHtml(`<a href="${href}">Text</a> danach`), href).toBe('Text danach');
    }
    expect(sanitizeCommentHtml('<a name="oben">Anker</a>')).toBe('Anker');
  });

  it('cannot be faked: a commenter cannot write our hint, nor a link attribute we set', () => {
    const forged = sanitizeCommentHtml(
      `<a href="https://evil.example/" title="x" data-link-host="">bank.example</a><span ${LINK_HOST_ATTRIBUTE}="">(bank.example)</span>`,
    );
    expect(forged.match(/data-link-host/g)).toHaveLength(1);
    expect(hintsIn(`<span ${LINK_HOST_ATTRIBUTE}="">(bank.example)</span>`)).toEqual([]);
  });

  it('nested links: each link is handled on its own, none inside another', () => {
    const template = document.createElement('template');
    template.innerHTML = sanitizeCommentHtml(
      '<a href="https://a.example/">eins <a href="https://b.example/">zwei</a></a>',
    );
    const links = [...template.content.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://a.example/', 'https://b.example/']);
    expect(template.content.querySelector('a a')).toBeNull();
  });
});

describe('linkTargets', () => {
  it('lists the real targets of the sanitized links, in order, once each', () => {
    const safe = sanitizeCommentHtml(
      'Great article!!! Visit <a href="https://casino-jackpot.example">best casino</a> and ' +
        '<a href="https://casino-jackpot.example/bonus?a=1&amp;b=2">free bonus</a>, <a href="https://casino-jackpot.example/">again</a>, ' +
        '<a href="mailto:win@casino-jackpot.example">mail</a> <a href="javascript:alert(1)">x</a> https://not-a-link.example/',
    );
    expect(linkTargets(safe)).toEqual([
      'casino-jackpot.example',
      'casino-jackpot.example/…',
      'win@casino-jackpot.example',
    ]);
  });

  it('is empty for content without links', () => {
    expect(linkTargets(sanitizeCommentHtml('<p>Nur Text, <em>keine</em> Links.</p>'))).toEqual([]);
    expect(linkTargets('')).toEqual([]);
  });
});
