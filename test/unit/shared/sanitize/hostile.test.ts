// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeCommentHtml } from '../../../../src/shared/sanitize/index.ts';

/** What may be in the output at all: our allow-list, plus the link hint we add ourselves. */
const allowedAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'target', 'rel'],
  abbr: ['title'],
  acronym: ['title'],
  span: ['data-link-host'],
};
const allowedTags = new Set([
  ...['p', 'br', 'a', 'em', 'strong', 'b', 'i', 's', 'strike', 'del', 'ins', 'code', 'pre', 'blockquote'],
  ...['q', 'cite', 'abbr', 'acronym', 'ul', 'ol', 'li', 'span'],
]);

/** Every element and attribute of `html` is on the allow-list, and every link goes to the web or a mail address. */
function expectInert(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll('*')) {
    expect(allowedTags, element.outerHTML).toContain(element.localName);
    expect(element.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    for (const name of element.getAttributeNames()) {
      expect(allowedAttributes[element.localName] ?? [], `${name} on ${element.localName}`).toContain(name);
    }
    if (element.localName === 'a') expect(element.getAttribute('href')).toMatch(/^(?:https?:\/\/[^/]|mailto:)/);
  }
}

/** Comment data triggers no network request: nothing in the output that could fetch or run. */
function expectNoFetchOrScript(html: string): void {
  const lower = html.toLowerCase();
  for (const word of [
    'src',
    'srcset',
    'background',
    'poster',
    'style',
    'url(',
    'javascript:',
    'data:',
    'vbscript:',
    'on',
  ]) {
    if (word === 'on') expect(lower).not.toMatch(/\son[a-z]+\s*=/);
    else expect(lower).not.toContain(word);
  }
}

const hostile: [string, string][] = [
  ['script', '<script>alert(1)</script>Hallo'],
  ['script with odd casing and attributes', '<ScRiPt src="https://evil.example/x.js" async></ScRiPt>Hallo'],
  ['img onerror', '<img src=x onerror=alert(1)>Hallo'],
  ['img srcset', '<img srcset="https://evil.example/a.png 1x">Hallo'],
  [
    'picture and source',
    '<picture><source srcset="https://evil.example/a.webp"><img src="https://evil.example/a.png"></picture>Hallo',
  ],
  ['video poster', '<video poster="https://evil.example/p.png" src="https://evil.example/v.mp4"></video>Hallo'],
  ['audio', '<audio src="https://evil.example/a.mp3" autoplay></audio>Hallo'],
  ['svg onload', '<svg onload=alert(1)><circle r="10"/></svg>Hallo'],
  [
    'svg with a script and a link',
    '<svg><script>alert(1)</script><a href="javascript:alert(1)"><text>x</text></a></svg>Hallo',
  ],
  ['svg image', '<svg><image href="https://evil.example/x.png"/></svg>Hallo'],
  ['javascript: link', '<a href="javascript:alert(1)">Hallo</a>'],
  ['JavaScript: link in capitals with entities', '<a href="JaVaScRiPt&colon;alert(1)">Hallo</a>'],
  ['javascript: hidden by a tab', '<a href="java\tscript:alert(1)">Hallo</a>'],
  ['javascript: hidden by a newline entity', '<a href="java&#x0A;script:alert(1)">Hallo</a>'],
  ['javascript: behind leading spaces and controls', '<a href=" \x01 javascript:alert(1)">Hallo</a>'],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Hallo</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">Hallo</a>'],
  ['protocol-relative link', '<a href="//evil.example/x">Hallo</a>'],
  ['relative link', '<a href="/wp-admin/">Hallo</a>'],
  ['style element', '<style>body{background:url(https://evil.example/t.png)}</style>Hallo'],
  ['style attribute', '<p style="background-image:url(https://evil.example/t.png)">Hallo</p>'],
  ['background attribute', '<table background="https://evil.example/t.png"><tr><td>Hallo</td></tr></table>'],
  ['link element', '<link rel="stylesheet" href="https://evil.example/x.css">Hallo'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">Hallo'],
  ['base element', '<base href="https://evil.example/">Hallo'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>Hallo'],
  [
    'object and embed',
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">Hallo',
  ],
  [
    'form with formaction',
    '<form action="https://evil.example/"><button formaction="javascript:alert(1)">Hallo</button><input name="x"></form>',
  ],
  [
    'math mXSS',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>Hallo',
  ],
  [
    'math annotation mXSS',
    '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>Hallo',
  ],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>Hallo'],
  ['template', '<template><img src=x onerror=alert(1)></template>Hallo'],
  ['comment hiding markup', '<!--<img src=x onerror=alert(1)>-->Hallo'],
  ['nested links', '<a href="https://a.example/">eins <a href="javascript:alert(1)">zwei</a></a>Hallo'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>Hallo</summary></details>'],
  ['input autofocus', '<input autofocus onfocus=alert(1)>Hallo'],
  ['custom element', '<freigabe-toolbar onclick=alert(1)>Hallo</freigabe-toolbar>'],
  ['event handler on an allowed tag', '<p onclick="alert(1)" onmouseover="alert(1)">Hallo</p>'],
  ['a link that pings', '<a href="https://example.org/" ping="https://evil.example/track" download>Hallo</a>'],
  [
    'attributes on tags that may not carry them',
    '<p title="Freigeben" href="https://evil.example/">Hallo</p><em cite="https://evil.example/">x</em>',
  ],
  [
    'data and aria attributes aimed at our UI',
    '<p data-action="approve" aria-label="Freigeben" role="button" tabindex="0">Hallo</p>',
  ],
  ['xmp and plaintext', '<xmp><img src=x onerror=alert(1)></xmp>Hallo'],
];

describe('sanitizeCommentHtml: hostile comments', () => {
  it.each(hostile)('%s: only allowed, inert markup remains, and nothing that fetches', (_, html) => {
    const safe = sanitizeCommentHtml(html);
    expectInert(safe);
    expectNoFetchOrScript(safe);
    expect(safe).toContain('Hallo');
  });

  it('the checks themselves fail on the raw payloads (they would catch a sanitizer that does nothing)', () => {
    let caught = 0;
    for (const [, html] of hostile) {
      try {
        expectInert(html);
        expectNoFetchOrScript(html);
      } catch {
        caught++;
      }
    }
    expect(caught).toBe(hostile.length);
  });

  it('serializes to markup the browser parses back to the same tree (no mutation on the way into innerHTML)', () => {
    for (const [, html] of hostile) {
      const safe = sanitizeCommentHtml(html);
      const again = document.createElement('div');
      again.innerHTML = safe;
      expect(again.innerHTML).toBe(safe);
    }
  });
});

describe('sanitizeCommentHtml: nothing executes', () => {
  // Inline handlers run in jsdom's own global scope (not the test's), but they see `document`.
  const pwn = (how: string) => `document.documentElement.setAttribute('data-pwned-${how}', '')`;
  const handlers: [string, string][] = [
    ['onerror', `<img src=x onerror="${pwn('img')}">`],
    ['onload', `<svg onload="${pwn('svg')}"></svg>`],
    ['onclick', `<p onclick="${pwn('click')}">Text</p>`],
    ['onmouseover', `<a href="https://example.org/" onmouseover="${pwn('over')}">Text</a>`],
    ['onfocus', `<input autofocus onfocus="${pwn('focus')}">`],
    ['ontoggle', `<details ontoggle="${pwn('toggle')}"><summary>x</summary></details>`],
    ['onkeydown', `<b onkeydown="${pwn('key')}">x</b>`],
  ];
  const events = ['error', 'load', 'click', 'mouseover', 'focus', 'toggle', 'keydown'];

  function renderAndPoke(html: string): string[] {
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    for (const element of host.querySelectorAll('*')) {
      for (const type of events) element.dispatchEvent(new Event(type));
    }
    const pwned = document.documentElement.getAttributeNames().filter((name) => name.startsWith('data-pwned-'));
    for (const name of pwned) document.documentElement.removeAttribute(name);
    host.remove();
    return pwned.map((name) => name.slice('data-pwned-'.length));
  }

  it('the raw payloads do run here (jsdom runs inline handlers), so the test can see an escape', () => {
    expect(handlers.flatMap(([, html]) => renderAndPoke(html))).toEqual([
      'img',
      'svg',
      'click',
      'over',
      'focus',
      'toggle',
      'key',
    ]);
  });

  it('none of them runs once sanitized', () => {
    expect(handlers.flatMap(([, html]) => renderAndPoke(sanitizeCommentHtml(html)))).toEqual([]);
  });
});

describe('sanitizeCommentHtml: our UI stays ours', () => {
  it('drops id, name and class (DOM clobbering, our selectors)', () => {
    const safe = sanitizeCommentHtml(
      '<p id="__proto__" class="freigabe-approve" name="submit">a</p><a id="getElementById" name="submit" href="https://example.org/">b</a><form name="body"><em id="x">c</em></form>',
    );
    expect(safe).not.toMatch(/\s(?:id|name|class)=/);
    expect(safe).toContain('<em>c</em>');
    expectInert(safe);
  });

  it('cannot break out of the list or element it is rendered in', () => {
    const safe = sanitizeCommentHtml(
      'Hallo</li></ol><div class="comment-approve">fake <button>Freigeben</button></div><ol><li>',
    );
    expectInert(safe);
    const list = document.createElement('ol');
    list.innerHTML = `<li data-ours="">${safe}</li><li data-ours="">zweiter</li>`;
    expect(list.children).toHaveLength(2);
    expect(list.querySelector('div, button')).toBeNull();
    expect(list.firstElementChild?.textContent).toContain('Freigeben');
  });

  it('keeps the formatting a comment may have', () => {
    const html =
      '<p>Ein <strong>starker</strong> <em>Satz</em>, <b>fett</b>, <i>kursiv</i>, <del>alt</del> <ins>neu</ins>, <s>weg</s>.</p>' +
      '<blockquote><p>Zitat</p></blockquote><q>kurz</q> <cite>Quelle</cite> <code>x &lt; y</code><pre>eins\n  zwei</pre>' +
      '<ul><li>eins</li></ul><ol><li>zwei</li></ol><abbr title="Human Resources">HR</abbr><br>Ende';
    expect(sanitizeCommentHtml(html)).toBe(html);
  });

  it('keeps text that merely talks about markup as text', () => {
    const safe = sanitizeCommentHtml('<code>background: url(x)</code> und &lt;script&gt; als Text');
    expect(safe).toBe('<code>background: url(x)</code> und &lt;script&gt; als Text');
    expectInert(safe);
  });
});

describe('sanitizeCommentHtml: size and windows', () => {
  it('handles very long input, cutting what no WordPress comment can hold', () => {
    const long = `<p>${'Wort '.repeat(100_000)}</p>`;
    const safe = sanitizeCommentHtml(long);
    expect(safe.startsWith('<p>Wort Wort')).toBe(true);
    expect(safe.length).toBeLessThanOrEqual(200_000 + '<p></p>'.length);
    expectInert(safe);
  });

  it('handles deep nesting and many hostile elements (sizes jsdom can parse quickly; browsers are far faster)', () => {
    const deep = `${'<b>'.repeat(500)}tief${'</b>'.repeat(500)}`;
    const nested = sanitizeCommentHtml(deep);
    expect(nested).toContain('tief');
    expectInert(nested);
    const many = '<img src=x onerror=alert(1)><a href="javascript:1">x</a>'.repeat(500);
    expect(sanitizeCommentHtml(many)).toBe('x'.repeat(500));
  });

  it('works with another window than the global one (a DOMPurify per window)', async () => {
    const { JSDOM } = await import('jsdom');
    const other = new JSDOM('<!doctype html>').window as unknown as Window;
    expect(sanitizeCommentHtml('<p onclick="x()">a <img src=x></p>', other)).toBe('<p>a </p>');
    expect(sanitizeCommentHtml('<p onclick="x()">b</p>', other)).toBe('<p>b</p>');
    expect(sanitizeCommentHtml('<p onclick="x()">c</p>')).toBe('<p>c</p>');
  });

  it('says clearly that it needs a DOM (the service worker has none)', () => {
    expect(() => sanitizeCommentHtml('<p>x</p>', {} as Window)).toThrow(/DOM window/);
  });
});
