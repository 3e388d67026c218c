import { describe, expect, it } from 'vitest';
import { restUrl } from '../../../src/shared/wp/url.ts';

describe('restUrl', () => {
  it('joins a route onto a pretty-permalink root', () => {
    const url = restUrl('https://blog.example/wp-json/', 'wp/v2/comments', { status: 'hold', per_page: 100 });
    expect(url.href).toBe('https://blog.example/wp-json/wp/v2/comments?status=hold&per_page=100');
  });

  it('keeps a root in a subfolder', () => {
    expect(restUrl('https://example.org/blog/wp-json', '/wp/v2/users/me').href).toBe(
      'https://example.org/blog/wp-json/wp/v2/users/me',
    );
  });

  it('puts the route into rest_route for sites without pretty permalinks', () => {
    const url = restUrl('https://blog.example/?rest_route=/', 'wp/v2/comments', { page: 2 });
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/comments');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.pathname).toBe('/');
  });

  it('sends lists as key[] and leaves out undefined values', () => {
    const url = restUrl('https://blog.example/wp-json/', 'wp/v2/comments', { include: [3, 5], search: undefined });
    expect(url.searchParams.getAll('include[]')).toEqual(['3', '5']);
    expect(url.searchParams.has('search')).toBe(false);
  });

  it('plain permalinks as WordPress announces them (index.php?rest_route=/): every parameter after one "?", joined by "&"', () => {
    const url = restUrl('https://blog.example/index.php?rest_route=/', 'wp/v2/comments/12', {
      context: 'edit',
      include: [1, 2],
    });
    expect(url.href).toBe(
      'https://blog.example/index.php?rest_route=%2Fwp%2Fv2%2Fcomments%2F12&context=edit&include%5B%5D=1&include%5B%5D=2',
    );
    expect(url.href.match(/\?/g)).toHaveLength(1);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/comments/12');
  });

  it('keeps the root’s other query parameters (a language plugin’s ?lang=)', () => {
    const url = restUrl('https://blog.example/?lang=de&rest_route=/', 'wp/v2/comments', { status: 'hold' });
    expect(url.searchParams.get('lang')).toBe('de');
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/comments');
    expect(url.searchParams.get('status')).toBe('hold');
  });

  it('a custom REST prefix is just another root (/api/)', () => {
    expect(restUrl('https://blog.example/api/', 'wp/v2/comments', { page: 2 }).href).toBe(
      'https://blog.example/api/wp/v2/comments?page=2',
    );
  });
});
