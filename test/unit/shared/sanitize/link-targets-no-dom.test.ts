import { describe, expect, it } from 'vitest';
import { linkTargets } from '../../../../src/shared/sanitize/index.ts';
import { displayTarget, safeLinkTarget, textShowsTarget } from '../../../../src/shared/sanitize/links.ts';

describe('link targets without a DOM (the service worker has none)', () => {
  it('there is no DOM in this test', () => {
    expect(typeof document).toBe('undefined');
  });

  it('linkTargets reads sanitized markup', () => {
    const sanitized =
      '<p><a href="https://www.example.com/" title="https://www.example.com/" target="_blank" rel="nofollow ugc noopener noreferrer">x</a> ' +
      '<span data-link-host="">(example.com)</span> <a href="https://example.org/a?b=1&amp;c=2" title="…">y</a></p>';
    expect(linkTargets(sanitized)).toEqual(['example.com', 'example.org/…']);
  });

  it('safeLinkTarget accepts web and mail targets only, and drops credentials', () => {
    expect(safeLinkTarget('  https://a.example/x ')?.href).toBe('https://a.example/x');
    expect(safeLinkTarget('https://user:pw@a.example/')?.href).toBe('https://a.example/');
    expect(safeLinkTarget('mailto:a@b.example')?.href).toBe('mailto:a@b.example');
    for (const href of [
      null,
      '',
      '//a.example/',
      '/x',
      'javascript:alert(1)',
      'data:,x',
      'file:///etc/passwd',
      'http://',
    ]) {
      expect(safeLinkTarget(href), String(href)).toBeNull();
    }
  });

  it('displayTarget shows the host, a hint of a path, or the address', () => {
    const shown = (href: string) => displayTarget(new URL(href));
    expect(shown('https://www.example.com/')).toBe('example.com');
    expect(shown('https://example.com/?q=1')).toBe('example.com/…');
    expect(shown('https://example.com/#top')).toBe('example.com/…');
    expect(shown('http://example.com:8080/')).toBe('example.com:8080');
    expect(shown('mailto:Lena@Vogt.example?subject=Hallo')).toBe('Lena@Vogt.example');
  });

  it('textShowsTarget compares hosts, not look-alike text', () => {
    const target = new URL('https://example.com/a');
    expect(textShowsTarget('EXAMPLE.com/a', target)).toBe(true);
    expect(textShowsTarget('https://www.example.com', target)).toBe(true);
    expect(textShowsTarget('example.com.evil.example', target)).toBe(false);
    expect(textShowsTarget('mehr lesen', target)).toBe(false);
    expect(textShowsTarget('', target)).toBe(false);
    expect(textShowsTarget('ex ample.com', target)).toBe(false);
  });
});
