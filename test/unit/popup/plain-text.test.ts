// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { excerpt, plainText } from '../../../src/shared/ui/plain-text.ts';

describe('plainText', () => {
  it('keeps only what a reader sees as text', () => {
    expect(plainText('<p>Hallo <b>Welt</b></p><script>alert(1)</script><style>p{}</style>')).toBe('Hallo Welt');
  });
  it('separates paragraphs', () => expect(plainText('<p>eins</p><p>zwei</p>zwei<br>drei')).toBe('eins zwei zwei drei'));
  it('decodes entities', () => expect(plainText('Mehr &#8211; &amp; &lt;b&gt;')).toBe('Mehr – & <b>'));
  it('drops svg and iframes', () => expect(plainText('a<svg><text>x</text></svg><iframe>y</iframe>b')).toBe('ab'));
  it('cuts long text with an ellipsis', () => {
    const cut = excerpt(`<p>${'Wort '.repeat(100)}</p>`, 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut.endsWith('…')).toBe(true);
  });
});
